create schema if not exists scheduling;
grant usage on schema scheduling to ${app_role};

-- Lower-case text without accents, IMMUTABLE so that indexes and generated columns can
-- use it (see patients.normalize; each module keeps its own to stay independent).
create function scheduling.normalize(value text) returns text
    language sql immutable strict parallel safe
as $$ select lower(public.unaccent('public.unaccent'::regdictionary, btrim(value))) $$;
create function scheduling.normalize_all(value text[]) returns text[]
    language sql immutable strict parallel safe
as $$ select coalesce(array_agg(scheduling.normalize(v)), '{}') from unnest(value) as v $$;
grant execute on function scheduling.normalize(text), scheduling.normalize_all(text[]) to ${app_role};

-- Local times of day as ranges, so that an exclusion constraint can refuse overlapping
-- intervals of one resource on one day.
create type scheduling.timerange as range (subtype = time);

-- Anything that can be booked: a doctor (capacity one) or a collection car (capacity per
-- window). Weekly schedules and time off belong to a resource, whatever its kind, so
-- slot generation reads one set of tables; the kind's own fields live in doctors / cars.
create table scheduling.resources (
    tenant_id   uuid        not null,
    id          uuid        not null,
    kind        text        not null check (kind in ('DOCTOR', 'CAR')),
    name        text        not null check (length(name) between 1 and 200),
    active      boolean     not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,
    version     bigint      not null default 0,
    search_name text generated always as (scheduling.normalize(name)) stored,
    primary key (tenant_id, id),
    -- lets doctors and cars reference (id, kind) so a row can never change its kind
    unique (tenant_id, id, kind)
);
create index resources_kind_idx on scheduling.resources (tenant_id, kind, id);
create index resources_search_name_idx on scheduling.resources using gin (search_name gin_trgm_ops);

create table scheduling.doctors (
    tenant_id             uuid    not null,
    id                    uuid    not null,
    kind                  text    not null default 'DOCTOR' check (kind = 'DOCTOR'),
    user_id               uuid,
    specializations       text[]  not null default '{}',
    registration_council  text    check (length(registration_council) <= 20),
    registration_number   text    check (length(registration_number) <= 20),
    registration_state    text    check (registration_state ~ '^[A-Z]{2}$'),
    slot_minutes          int     not null check (slot_minutes between 5 and 480 and slot_minutes % 5 = 0),
    primary key (tenant_id, id),
    foreign key (tenant_id, id, kind) references scheduling.resources (tenant_id, id, kind),
    check ((registration_council is null) = (registration_number is null))
);
-- One doctor profile per user account.
create unique index doctors_user_key on scheduling.doctors (tenant_id, user_id) where user_id is not null;
create unique index doctors_registration_key on scheduling.doctors
    (tenant_id, registration_council, coalesce(registration_state, ''), registration_number)
    where registration_council is not null;
create index doctors_specializations_idx on scheduling.doctors using gin (specializations);

-- What a doctor offers, with its length; appointments will snapshot code and minutes.
create table scheduling.appointment_types (
    tenant_id uuid not null,
    doctor_id uuid not null,
    code      text not null check (code ~ '^[a-z0-9][a-z0-9_.-]{0,49}$'),
    name      text not null check (length(name) between 1 and 200),
    minutes   int  not null check (minutes between 5 and 1440 and minutes % 5 = 0),
    position  int  not null,
    primary key (tenant_id, doctor_id, code),
    foreign key (tenant_id, doctor_id) references scheduling.doctors (tenant_id, id)
);

-- Areas a car serves. Neighbourhoods and cities are also kept normalised, so that a
-- patient's address can be matched with scheduling.normalize(…) = any(…_keys).
create table scheduling.zones (
    tenant_id         uuid        not null,
    id                uuid        not null,
    name              text        not null check (length(name) between 1 and 100),
    neighborhoods     text[]      not null default '{}',
    cities            text[]      not null default '{}',
    center_lat        double precision check (center_lat between -90 and 90),
    center_lon        double precision check (center_lon between -180 and 180),
    radius_km         double precision check (radius_km > 0 and radius_km <= 500),
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0,
    neighborhood_keys text[] generated always as (scheduling.normalize_all(neighborhoods)) stored,
    city_keys         text[] generated always as (scheduling.normalize_all(cities)) stored,
    primary key (tenant_id, id),
    check ((center_lat is null) = (center_lon is null)),
    check (radius_km is null or center_lat is not null)
);
create unique index zones_name_key on scheduling.zones (tenant_id, scheduling.normalize(name));
create index zones_neighborhood_keys_idx on scheduling.zones using gin (neighborhood_keys);
create index zones_city_keys_idx on scheduling.zones using gin (city_keys);

create table scheduling.cars (
    tenant_id           uuid not null,
    id                  uuid not null,
    kind                text not null default 'CAR' check (kind = 'CAR'),
    plate               text check (length(plate) between 1 and 10),
    driver_user_id      uuid,
    driver_name         text check (length(driver_name) between 1 and 200),
    driver_phone        text check (driver_phone ~ '^\+[0-9]{6,15}$'),
    capacity_per_window int  not null check (capacity_per_window between 1 and 50),
    primary key (tenant_id, id),
    foreign key (tenant_id, id, kind) references scheduling.resources (tenant_id, id, kind),
    check ((driver_name is null) = (driver_phone is null)),
    check (driver_user_id is null or driver_name is not null)
);
create unique index cars_plate_key on scheduling.cars (tenant_id, plate) where plate is not null;

create table scheduling.car_zones (
    tenant_id uuid not null,
    car_id    uuid not null,
    zone_id   uuid not null,
    primary key (tenant_id, car_id, zone_id),
    foreign key (tenant_id, car_id) references scheduling.cars (tenant_id, id),
    foreign key (tenant_id, zone_id) references scheduling.zones (tenant_id, id)
);
create index car_zones_zone_idx on scheduling.car_zones (tenant_id, zone_id);

-- The weekly schedule: local times in the tenant's time zone, ISO day of week (1 =
-- Monday). Slots of a date are the intervals of its weekday minus time off and holidays.
create table scheduling.schedule_intervals (
    tenant_id   uuid     not null,
    resource_id uuid     not null,
    day_of_week smallint not null check (day_of_week between 1 and 7),
    start_time  time     not null check (extract(second from start_time) = 0 and extract(minute from start_time)::int % 5 = 0),
    end_time    time     not null check (extract(second from end_time) = 0 and extract(minute from end_time)::int % 5 = 0),
    primary key (tenant_id, resource_id, day_of_week, start_time),
    foreign key (tenant_id, resource_id) references scheduling.resources (tenant_id, id),
    check (start_time < end_time),
    constraint schedule_intervals_no_overlap exclude using gist (
        tenant_id with =, resource_id with =, day_of_week with =,
        scheduling.timerange(start_time, end_time) with &&)
);

-- Absences of one resource. Whole days keep their dates (first_date..last_date, as the
-- tenant meant them) and the instants they covered when recorded; intervals only the
-- instants. Slot generation subtracts `period` either way.
create table scheduling.time_off (
    tenant_id   uuid        not null,
    id          uuid        not null,
    resource_id uuid        not null,
    period      tstzrange   not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
    first_date  date,
    last_date   date,
    reason      text        check (length(reason) <= 500),
    created_at  timestamptz not null,
    created_by  uuid,
    primary key (tenant_id, id),
    foreign key (tenant_id, resource_id) references scheduling.resources (tenant_id, id),
    check ((first_date is null) = (last_date is null) and first_date <= last_date)
);
create index time_off_period_idx on scheduling.time_off using gist (tenant_id, resource_id, period);

-- Days the whole clinic is closed, in the tenant's calendar.
create table scheduling.holidays (
    tenant_id  uuid        not null,
    id         uuid        not null,
    date       date        not null,
    name       text        not null check (length(name) between 1 and 200),
    created_at timestamptz not null,
    primary key (tenant_id, id),
    constraint holidays_date_key unique (tenant_id, date)
);

alter table scheduling.resources enable row level security;
alter table scheduling.doctors enable row level security;
alter table scheduling.appointment_types enable row level security;
alter table scheduling.zones enable row level security;
alter table scheduling.cars enable row level security;
alter table scheduling.car_zones enable row level security;
alter table scheduling.schedule_intervals enable row level security;
alter table scheduling.time_off enable row level security;
alter table scheduling.holidays enable row level security;

create policy tenant_isolation on scheduling.resources
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.doctors
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.appointment_types
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.zones
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.cars
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.car_zones
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.schedule_intervals
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.time_off
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.holidays
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());

-- Rows that are replaced as a whole (types, zones of a car, weekly intervals) or removed
-- (time off, holidays) get DELETE; profiles are deactivated, never deleted.
grant select, insert, update on scheduling.resources, scheduling.doctors, scheduling.zones, scheduling.cars
    to ${app_role};
grant select, insert, delete on scheduling.appointment_types, scheduling.car_zones, scheduling.schedule_intervals,
    scheduling.time_off, scheduling.holidays to ${app_role};
