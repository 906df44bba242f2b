-- Live patients counted per tag and five-year span of birth (decision 0016), for the
-- clinic and for each city: a filtered page whose combination nobody has (no child is
-- tagged "idoso") is answered from these counts instead of reading every patient of the
-- city's age range, and a rare one reads only the spans where its tags occur.
--
-- The value is the tag, a colon and the first year of the span ('idoso:1950'), or the tag
-- and a colon alone for patients without a birth date. city_cell passes these cells
-- through to the city scope unchanged.
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
    union all
    select 'tag_births', t || ':' || coalesce((extract(year from p.birth_date)::int / 5 * 5)::text, ''), 0
    from unnest(p.tags) as t where p.deleted_at is null and p.merged_into is null
$$;

insert into patients.patient_counts (tenant_id, scope, dimension, value, patients, amount)
select p.tenant_id, s.scope, 'tag_births', t || ':' || coalesce((extract(year from p.birth_date)::int / 5 * 5)::text, ''),
       count(*), 0
from patients.patients p
     cross join lateral unnest(p.tags) as t
     cross join lateral (select '' union all select nullif(patients.normalize(p.city), '')) as s(scope)
where p.deleted_at is null and p.merged_into is null and s.scope is not null
group by 1, 2, 4;
