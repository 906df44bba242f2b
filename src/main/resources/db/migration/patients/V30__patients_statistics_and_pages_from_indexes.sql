-- Statistics of a filtered set and filtered pages answered from indexes (decision 0012),
-- measured on 1,000,000 patients.

-- The statistics of one city read every column they count from this index alone (two
-- parallel passes over it instead of a heap read of a third of the table). The analytics
-- columns are here too: without them "active", "upcoming" and the no-show rate need the
-- heap (São Paulo's statistics: 2.5 s p95 instead of 0.46 s, measured). The cost: a
-- change of a patient's analytics (scheduling's events) changes an indexed column, so it
-- is never a heap-only (HOT) update, whatever room V21 leaves on the page (decision 0012).
drop index patients.patients_city_idx;
create index patients_city_idx on patients.patients (tenant_id, patients.normalize(city), birth_date)
    include (id, search_name, city, neighborhood, tags, deleted_at, merged_into, gender, health_plan_provider,
             created_at, last_visit_at, next_appointment_at, no_show_rate, total_appointments);

-- A city's patients in name order: a page filtered by city, age and tag walks them until it
-- has its rows, which for the combinations people ask for is a few thousand index entries
-- (the whole name order, 1,000,000 entries, before). Rare combinations still use the
-- city and birth-date index above, which the planner prefers for them. The city itself is
-- included because PostgreSQL reads a query from an index alone only when every column it
-- mentions is there, and patients.normalize(city) mentions city (without it: 703 ms p95
-- for random combinations, measured).
create index patients_city_name_idx on patients.patients
    (tenant_id, patients.normalize(city), (search_name collate "C"), id)
    include (city, birth_date, tags, deleted_at, merged_into);

-- Index-only scans need the visibility map; by default a table is vacuumed after inserts of
-- a fifth of its size, which at a million patients leaves up to 200,000 new rows that every
-- index-only scan checks in the heap.
alter table patients.patients set (autovacuum_vacuum_insert_scale_factor = 0.05);
