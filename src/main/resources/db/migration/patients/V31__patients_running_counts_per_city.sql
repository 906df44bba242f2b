-- Running counts per city as well as per clinic (decision 0013): the statistics of one
-- city, the dashboard's usual filter, are then read from a few hundred counter rows
-- instead of from every patient of the city (São Paulo, a third of a million-patient
-- registry: 460-530 ms p95 aggregated from patients_city_idx, measured).
--
-- A counter row now belongs to a scope: '' for the whole clinic, or a city as
-- patients.normalize writes it (the city filter's own comparison), so that "São Paulo"
-- and "sao paulo" share their counts.
alter table patients.patient_counts add column scope text not null default '';
alter table patients.patient_counts drop constraint patient_counts_pkey;
alter table patients.patient_counts add primary key (tenant_id, scope, dimension, value);

-- A city counts what the clinic counts but two things: birth dates per five years
-- ('birth_years': the statistics add the boundary years' exact part from the city and
-- birth-date index), and no 'city' (the clinic's city counts name it). A bulk statement
-- of 1,000 patients in a dozen cities then writes about 700 counter rows for the cities
-- instead of about 1,200.
create function patients.city_cell(clinic_dimension text, clinic_value text)
    returns table (dimension text, value text)
    language sql immutable parallel safe
as $$
    select case when clinic_dimension = 'birth_year' then 'birth_years' else clinic_dimension end,
           case when clinic_dimension = 'birth_year' and clinic_value <> ''
                then (cast(clinic_value as int) / 5 * 5)::text else clinic_value end
    where clinic_dimension <> 'city'
$$;
grant execute on function patients.city_cell(text, text) to ${app_role};

-- Each patient's cells are made once and summed per city; the clinic's counts are summed
-- from the cities'.
create or replace function patients.count_inserted() returns trigger
    language plpgsql
as $$
begin
    with by_city as (
        select n.tenant_id, k.city_key, c.dimension, c.value, count(*) as patients, sum(c.amount) as amount
        from new_rows n
             cross join lateral (select nullif(patients.normalize(n.city), '') as city_key offset 0) k
             cross join lateral patients.count_cells(n) c
        group by 1, 2, 3, 4
    )
    insert into patients.patient_counts (tenant_id, scope, dimension, value, patients, amount)
    select tenant_id, scope, dimension, value, sum(patients), sum(amount)
    from (select tenant_id, '' as scope, dimension, value, patients, amount from by_city
          union all
          select b.tenant_id, b.city_key, c.dimension, c.value, b.patients, b.amount
          from by_city b cross join lateral patients.city_cell(b.dimension, b.value) c
          where b.city_key is not null) cells
    group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (tenant_id, scope, dimension, value) do update
        set patients = patient_counts.patients + excluded.patients, amount = patient_counts.amount + excluded.amount;
    return null;
end
$$;

create or replace function patients.count_updated() returns trigger
    language plpgsql
as $$
begin
    with by_city as (
        select tenant_id, city_key, dimension, value, sum(patients) as patients, sum(amount) as amount
        from (select n.tenant_id, k.city_key, c.dimension, c.value, 1 as patients, c.amount
              from new_rows n
                   cross join lateral (select nullif(patients.normalize(n.city), '') as city_key offset 0) k
                   cross join lateral patients.count_cells(n) c
              union all
              select o.tenant_id, k.city_key, c.dimension, c.value, -1, -c.amount
              from old_rows o
                   cross join lateral (select nullif(patients.normalize(o.city), '') as city_key offset 0) k
                   cross join lateral patients.count_cells(o) c) changes
        group by 1, 2, 3, 4
    )
    insert into patients.patient_counts (tenant_id, scope, dimension, value, patients, amount)
    select tenant_id, scope, dimension, value, sum(patients), sum(amount)
    from (select tenant_id, '' as scope, dimension, value, patients, amount from by_city
          union all
          select b.tenant_id, b.city_key, c.dimension, c.value, b.patients, b.amount
          from by_city b cross join lateral patients.city_cell(b.dimension, b.value) c
          where b.city_key is not null) cells
    group by 1, 2, 3, 4 having sum(patients) <> 0 or sum(amount) <> 0 order by 1, 2, 3, 4
    on conflict (tenant_id, scope, dimension, value) do update
        set patients = patient_counts.patients + excluded.patients, amount = patient_counts.amount + excluded.amount;
    return null;
end
$$;

insert into patients.patient_counts (tenant_id, scope, dimension, value, patients, amount)
select p.tenant_id, s.scope, cc.dimension, cc.value, count(*), sum(c.amount)
from patients.patients p cross join lateral (select nullif(patients.normalize(p.city), '')) as s(scope)
     cross join lateral patients.count_cells(p) c cross join lateral patients.city_cell(c.dimension, c.value) cc
where s.scope is not null
group by 1, 2, 3, 4;
