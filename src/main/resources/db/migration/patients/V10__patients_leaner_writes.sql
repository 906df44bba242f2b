-- Cheaper writes and steadier lookups for large registries (decision 0010), measured on
-- 1,000,000 patients.

-- The trigram index on the whole name served no search since names are matched word by
-- word (decision 0008), and it made the duplicate finder slower: the planner preferred it
-- (0.5 s) to the phone and e-mail indexes (under 1 ms). Each insert paid for it.
drop index patients.patients_search_name_idx;

-- Equality and prefix ranges on a CPF are both served by the unique (tenant_id, cpf).
drop index patients.patients_cpf_prefix_idx;

-- One index for sorting by name and for names that start with what was typed: both in
-- byte order ("C"), which for the lower-case, accent-free search_name is alphabetical.
-- It carries the columns of the usual filters, so that a filtered page in name order is
-- found in the index alone and only its rows are read (PatientSearch pages by ids first).
drop index patients.patients_name_sort_idx;
drop index patients.patients_name_prefix_idx;
create index patients_name_sort_idx on patients.patients (tenant_id, (search_name collate "C"), id)
    include (city, neighborhood, birth_date, tags, deleted_at, merged_into);

-- A city with an age range, and whatever else the usual filters ask, from the index alone:
-- the narrow filters that the name order would walk far for.
drop index patients.patients_city_idx;
create index patients_city_idx on patients.patients (tenant_id, patients.normalize(city), birth_date)
    include (id, search_name, city, neighborhood, tags, deleted_at, merged_into);

-- Counting live patients born in part of a year reads only this index.
drop index patients.patients_birth_date_idx;
create index patients_birth_date_idx on patients.patients (tenant_id, birth_date) include (deleted_at, merged_into);

-- GIN indexes gather new entries in a pending list that every search scans in full until
-- vacuum merges it (4 MB by default: 3 ms per phone lookup after a bulk load, measured).
-- A short list keeps lookups fast and still batches inserts.
alter index patients.patients_phone_keys_idx set (gin_pending_list_limit = 256);
alter index patients.patients_tags_idx set (gin_pending_list_limit = 256);
alter index patients.patients_name_words_idx set (gin_pending_list_limit = 256);

-- The same words as before, from built-in functions the planner inlines into the
-- generated column (a quarter of the time per row). Not STRICT, so that it can be
-- inlined; a null name still gives null.
create or replace function patients.name_words(name text) returns text[]
    language sql immutable parallel safe
as $$
    select array_remove(array_remove(array_remove(array_remove(array_remove(array_remove(array_remove(
        array_remove(regexp_split_to_array(patients.normalize(name), '[^[:alnum:]]+'), ''),
        'd'), 'da'), 'das'), 'de'), 'do'), 'dos'), 'e')
$$;

-- Birth dates are counted per year instead of per day: a bulk statement of 1,000 patients
-- then updates about 90 counter rows for them instead of about 1,000. The statistics add
-- the boundary years' exact part from the birth-date index.
create or replace function patients.count_cells(p patients.patients) returns table (dimension text, value text, amount numeric)
    language sql stable parallel safe
as $$
    select d.dimension, d.value, d.amount
    from (values
        ('total', '', 0::numeric),
        ('gender', coalesce(p.gender, 'UNKNOWN'), 0),
        ('birth_year', coalesce(extract(year from p.birth_date)::int::text, ''), 0),
        ('plan', p.health_plan_provider, 0),
        ('city', p.city, 0),
        ('neighborhood', p.neighborhood || ', ' || coalesce(p.city, '?'), 0),
        ('created', patients.quarter_hour(p.created_at), 0),
        ('active_until', patients.quarter_hour(greatest(p.last_visit_at + interval '8760 hours',
                                                         p.next_appointment_at)), 0),
        ('next_appointment', patients.quarter_hour(p.next_appointment_at), 0),
        ('no_show', case when p.total_appointments > 0 then '' end, p.no_show_rate)
    ) as d(dimension, value, amount)
    where d.value is not null and p.deleted_at is null and p.merged_into is null
    union all
    select 'tag', t, 0 from unnest(p.tags) as t where p.deleted_at is null and p.merged_into is null
$$;

delete from patients.patient_counts where dimension = 'birth_date';
insert into patients.patient_counts (tenant_id, dimension, value, patients, amount)
select tenant_id, 'birth_year', coalesce(extract(year from birth_date)::int::text, ''), count(*), 0
from patients.patients
where deleted_at is null and merged_into is null
group by 1, 3;
