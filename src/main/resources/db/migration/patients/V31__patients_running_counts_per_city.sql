-- Running counts per city as well as per clinic (decision 0013): the statistics of one
-- city, the dashboard's usual filter, are then read from a few hundred counter rows
-- instead of from every patient of the city (São Paulo, a third of a million-patient
-- registry: 460 ms p95 aggregated from patients_city_idx, measured).
--
-- A counter row now belongs to a scope: '' for the whole clinic, or a city as
-- patients.normalize writes it (the city filter's own comparison), so that "São Paulo"
-- and "sao paulo" share their counts.
alter table patients.patient_counts add column scope text not null default '';
alter table patients.patient_counts drop constraint patient_counts_pkey;
alter table patients.patient_counts add primary key (tenant_id, scope, dimension, value);

-- The scopes one patient counts in: the clinic and, when it has one, its city.
create function patients.count_scopes(city text) returns table (scope text)
    language sql immutable parallel safe
as $$
    select '' union all select s from (select nullif(patients.normalize(city), '')) as c(s) where s is not null
$$;
grant execute on function patients.count_scopes(text) to ${app_role};

create or replace function patients.count_inserted() returns trigger
    language plpgsql
as $$
begin
    insert into patients.patient_counts (tenant_id, scope, dimension, value, patients, amount)
    select n.tenant_id, s.scope, c.dimension, c.value, count(*), sum(c.amount)
    from new_rows n cross join lateral patients.count_cells(n) c cross join lateral patients.count_scopes(n.city) s
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
    insert into patients.patient_counts (tenant_id, scope, dimension, value, patients, amount)
    select tenant_id, scope, dimension, value, sum(patients), sum(amount)
    from (select n.tenant_id, s.scope, c.dimension, c.value, 1 as patients, c.amount
          from new_rows n cross join lateral patients.count_cells(n) c
               cross join lateral patients.count_scopes(n.city) s
          union all
          select o.tenant_id, s.scope, c.dimension, c.value, -1, -c.amount
          from old_rows o cross join lateral patients.count_cells(o) c
               cross join lateral patients.count_scopes(o.city) s) changes
    group by 1, 2, 3, 4 having sum(patients) <> 0 or sum(amount) <> 0 order by 1, 2, 3, 4
    on conflict (tenant_id, scope, dimension, value) do update
        set patients = patient_counts.patients + excluded.patients, amount = patient_counts.amount + excluded.amount;
    return null;
end
$$;

insert into patients.patient_counts (tenant_id, scope, dimension, value, patients, amount)
select p.tenant_id, s.scope, c.dimension, c.value, count(*), sum(c.amount)
from patients.patients p cross join lateral patients.count_cells(p) c
     cross join lateral (select nullif(patients.normalize(p.city), '')) as s(scope)
where s.scope is not null
group by 1, 2, 3, 4;
