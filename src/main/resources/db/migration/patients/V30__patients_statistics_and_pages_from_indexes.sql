-- Statistics of a filtered set and filtered pages answered from indexes (decision 0012),
-- measured on 1,000,000 patients.

-- The statistics of one city read what they count of a patient's record from this index
-- (two parallel passes over it instead of ten). The appointment figures (last visit, next
-- appointment, no-show rate, total) are left out on purpose: scheduling rewrites them after
-- every appointment change, and an update that changes an indexed column can never be
-- heap-only (HOT), so each booking would add an entry to every index of the table (three
-- GIN and a GiST among them) instead of none (V21, decision 0011). The statistics read
-- those four columns from the table (decision 0012).
drop index patients.patients_city_idx;
create index patients_city_idx on patients.patients (tenant_id, patients.normalize(city), birth_date)
    include (id, search_name, city, neighborhood, tags, deleted_at, merged_into, gender, health_plan_provider,
             created_at);

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
