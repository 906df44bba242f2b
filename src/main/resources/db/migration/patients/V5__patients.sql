create schema if not exists patients;
grant usage on schema patients to ${app_role};

-- Lower-case text without accents: "João" and "joao" compare equal. unaccent() itself is
-- only STABLE (its dictionary could change); naming the dictionary makes this wrapper
-- safe to declare IMMUTABLE, so that indexes and generated columns can use it.
create function patients.normalize(value text) returns text
    language sql immutable strict parallel safe
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;
grant execute on function patients.normalize(text) to ${app_role};

create table patients.patients (
    tenant_id               uuid        not null,
    id                      uuid        not null,
    full_name               text        not null check (length(full_name) between 1 and 200),
    social_name             text        check (length(social_name) <= 200),
    cpf                     text        check (cpf ~ '^[0-9]{11}$'),
    birth_date              date,
    gender                  text        check (gender in ('FEMALE', 'MALE', 'OTHER', 'UNKNOWN')),
    email                   text        check (length(email) <= 254),
    contacts                jsonb       not null default '[]',
    street                  text,
    street_number           text,
    complement              text,
    neighborhood            text,
    city                    text,
    state                   text,
    postal_code             text,
    country                 text,
    lat                     double precision check (lat between -90 and 90),
    lon                     double precision check (lon between -180 and 180),
    health_plan_provider    text,
    health_plan_name        text,
    health_plan_member      text,
    health_plan_valid_until date,
    tags                    text[]      not null default '{}',
    conditions              text[]      not null default '{}',
    allergies               text[]      not null default '{}',
    notes                   text        check (length(notes) <= 10000),
    preferred_channel       text        check (preferred_channel in ('SMS', 'WHATSAPP', 'PHONE', 'EMAIL')),
    preferred_language      text,
    preferred_time_of_day   text        check (preferred_time_of_day in ('MORNING', 'AFTERNOON', 'ANY')),
    -- the last 8 digits of every phone contact: "find by phone" whatever the formatting
    phone_keys              text[]      not null default '{}',
    user_id                 uuid,
    -- kept current from scheduling events
    total_appointments      int         not null default 0,
    completed_appointments  int         not null default 0,
    cancelled_appointments  int         not null default 0,
    no_shows                int         not null default 0,
    confirmed_appointments  int         not null default 0,
    no_show_rate            numeric(5, 4) not null default 0,
    confirmation_rate       numeric(5, 4) not null default 0,
    last_visit_at           timestamptz,
    next_appointment_at     timestamptz,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    version                 bigint      not null default 0,
    deleted_at              timestamptz,
    deleted_by              uuid,
    delete_reason           text,
    merged_into             uuid,
    anonymized_at           timestamptz,
    search_name             text generated always as
                                (patients.normalize(full_name || ' ' || coalesce(social_name, ''))) stored,
    primary key (tenant_id, id)
);

create unique index patients_tenant_cpf_key on patients.patients (tenant_id, cpf) where cpf is not null;
create index patients_cpf_prefix_idx on patients.patients (tenant_id, cpf text_pattern_ops) where cpf is not null;
create index patients_search_name_idx on patients.patients using gin (search_name gin_trgm_ops);
create index patients_phone_keys_idx on patients.patients using gin (phone_keys);
create index patients_email_idx on patients.patients (tenant_id, lower(email)) where email is not null;
create index patients_tags_idx on patients.patients using gin (tags);
create index patients_city_idx on patients.patients (tenant_id, patients.normalize(city), patients.normalize(neighborhood));
create index patients_birth_date_idx on patients.patients (tenant_id, birth_date);
create index patients_location_idx on patients.patients using gist (ll_to_earth(lat, lon)) where lat is not null and lon is not null;
create index patients_user_idx on patients.patients (tenant_id, user_id) where user_id is not null;
create index patients_last_visit_idx on patients.patients (tenant_id, last_visit_at);
create index patients_name_sort_idx on patients.patients (tenant_id, search_name, id);

alter table patients.patients enable row level security;
create policy tenant_isolation on patients.patients
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, update on patients.patients to ${app_role};
