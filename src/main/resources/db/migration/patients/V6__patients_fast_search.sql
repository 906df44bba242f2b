-- Fast search over large registries (docs/decisions/0008-patient-search-at-scale.md).

-- The words of a name, accent-free and lower-case, in order, without the connecting
-- particles that people leave out when they type a name ("João da Silva" → {joao,silva}).
create function patients.name_words(name text) returns text[]
    language sql immutable strict parallel safe
as $$
    select coalesce(array_agg(w order by n), '{}')
    from unnest(regexp_split_to_array(patients.normalize(name), '[^[:alnum:]]+')) with ordinality as t(w, n)
    where w <> '' and w not in ('d', 'da', 'das', 'de', 'do', 'dos', 'e')
$$;
grant execute on function patients.name_words(text) to ${app_role};

alter table patients.patients add column name_words text[] generated always as
    (patients.name_words(full_name || ' ' || coalesce(social_name, ''))) stored;
create index patients_name_words_idx on patients.patients using gin (name_words);
-- names that start with what was typed, in byte order whatever the database's collation
create index patients_name_prefix_idx on patients.patients (tenant_id, (search_name collate "C"));

-- Every word used in a name of the tenant: the small vocabulary that typos and
-- unfinished words are resolved against before the patients are searched.
create table patients.name_vocabulary (
    tenant_id uuid not null,
    word      text not null,
    primary key (tenant_id, word)
);
create index name_vocabulary_word_idx on patients.name_vocabulary using gin (word gin_trgm_ops);
alter table patients.name_vocabulary enable row level security;
create policy tenant_isolation on patients.name_vocabulary
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, delete on patients.name_vocabulary to ${app_role};

insert into patients.name_vocabulary (tenant_id, word)
select distinct tenant_id, unnest(name_words) from patients.patients;

-- Kept current by the statements that write names (one upsert per statement, in key
-- order so that concurrent bulk loads cannot deadlock).
create function patients.learn_name_words() returns trigger
    language plpgsql
as $$
begin
    insert into patients.name_vocabulary (tenant_id, word)
    select distinct tenant_id, unnest(name_words) from new_rows order by 1, 2
    on conflict do nothing;
    return null;
end
$$;
create trigger learn_name_words_on_insert after insert on patients.patients
    referencing new table as new_rows for each statement execute function patients.learn_name_words();
create trigger learn_name_words_on_update after update on patients.patients
    referencing new table as new_rows for each statement execute function patients.learn_name_words();

-- Searches and statistics read through these views. They carry the tenant condition
-- themselves and, unlike a row-level security policy, are not security barriers, so
-- that trigram, array and expression conditions can use their indexes (decision 0008).
-- They run with their owner's rights; the runtime role gets SELECT on the views only.
create view patients.tenant_patients as
    select * from patients.patients where tenant_id = shared.current_tenant();
create view patients.tenant_name_vocabulary as
    select word from patients.name_vocabulary where tenant_id = shared.current_tenant();
grant select on patients.tenant_patients, patients.tenant_name_vocabulary to ${app_role};

-- Running counts of the live patients (not deleted, not merged) of each tenant, one row
-- per dimension and value: the dashboard's statistics without filters are read from
-- here instead of from every patient. Instants are counted per quarter hour (every time
-- zone's offset is a whole number of quarter hours), so "new this month" in the tenant's
-- time stays exact; "active" and "upcoming" are judged to the quarter hour.
create table patients.patient_counts (
    tenant_id uuid   not null,
    dimension text   not null,
    value     text   not null,
    patients  bigint not null,
    amount    numeric not null default 0,
    primary key (tenant_id, dimension, value)
);
alter table patients.patient_counts enable row level security;
create policy tenant_isolation on patients.patient_counts
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, update on patients.patient_counts to ${app_role};

-- The quarter hour an instant falls in, as a sortable text.
create function patients.quarter_hour(at timestamptz) returns text
    language sql immutable strict parallel safe
as $$ select lpad((floor(extract(epoch from at) / 900))::bigint::text, 12, '0') $$;
grant execute on function patients.quarter_hour(timestamptz) to ${app_role};

-- What one patient adds to the counts (nothing unless live).
create function patients.count_cells(p patients.patients) returns table (dimension text, value text, amount numeric)
    language sql stable parallel safe
as $$
    select d.dimension, d.value, d.amount
    from (values
        ('total', '', 0::numeric),
        ('gender', coalesce(p.gender, 'UNKNOWN'), 0),
        ('birth_date', coalesce(p.birth_date::text, ''), 0),
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

create function patients.count_inserted() returns trigger
    language plpgsql
as $$
begin
    insert into patients.patient_counts (tenant_id, dimension, value, patients, amount)
    select n.tenant_id, c.dimension, c.value, count(*), sum(c.amount)
    from new_rows n cross join lateral patients.count_cells(n) c
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (tenant_id, dimension, value) do update
        set patients = patient_counts.patients + excluded.patients, amount = patient_counts.amount + excluded.amount;
    return null;
end
$$;

create function patients.count_updated() returns trigger
    language plpgsql
as $$
begin
    insert into patients.patient_counts (tenant_id, dimension, value, patients, amount)
    select tenant_id, dimension, value, sum(patients), sum(amount)
    from (select n.tenant_id, c.dimension, c.value, 1 as patients, c.amount
          from new_rows n cross join lateral patients.count_cells(n) c
          union all
          select o.tenant_id, c.dimension, c.value, -1, -c.amount
          from old_rows o cross join lateral patients.count_cells(o) c) changes
    group by 1, 2, 3 having sum(patients) <> 0 or sum(amount) <> 0 order by 1, 2, 3
    on conflict (tenant_id, dimension, value) do update
        set patients = patient_counts.patients + excluded.patients, amount = patient_counts.amount + excluded.amount;
    return null;
end
$$;

create trigger count_on_insert after insert on patients.patients
    referencing new table as new_rows for each statement execute function patients.count_inserted();
create trigger count_on_update after update on patients.patients
    referencing old table as old_rows new table as new_rows for each statement execute function patients.count_updated();

insert into patients.patient_counts (tenant_id, dimension, value, patients, amount)
select p.tenant_id, c.dimension, c.value, count(*), sum(c.amount)
from patients.patients p cross join lateral patients.count_cells(p) c
group by 1, 2, 3;
