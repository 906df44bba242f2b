-- Appointments: a patient with a doctor (clinic visit) or a collection car in one of its
-- windows (home collection). The database itself refuses double booking:
--   * a doctor never has two overlapping appointments that hold their slot,
--   * a patient never has two overlapping appointments that hold their slot,
--   * a car window never holds more visits than the car's capacity (a counter per window
--     kept by a trigger, checked against the capacity).
-- Cancelled and no-show appointments free their slot; the others hold it.
create table scheduling.appointments (
    tenant_id           uuid        not null,
    id                  uuid        not null,
    kind                text        not null check (kind in ('CLINIC_VISIT', 'HOME_COLLECTION')),
    patient_id          uuid        not null,
    resource_id         uuid        not null,
    resource_kind       text        not null check (resource_kind in ('DOCTOR', 'CAR')),
    period              tstzrange   not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)
                                                    and not lower_inf(period) and not upper_inf(period)),
    status              text        not null check (status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED',
                                                               'CANCELLED', 'NO_SHOW')),
    type_code           text        check (length(type_code) <= 50),
    exams               text[]      not null default '{}',
    reason              text        check (length(reason) <= 1000),
    notes               text        check (length(notes) <= 10000),
    -- home visits: where the car goes, as the patient's address was when booked
    address             jsonb,
    zone_id             uuid,
    confirmation_status text        not null default 'PENDING'
                                    check (confirmation_status in ('PENDING', 'CONFIRMED', 'DECLINED')),
    confirmed_at        timestamptz,
    checked_in_at       timestamptz,
    completed_at        timestamptz,
    cancelled_at        timestamptz,
    cancelled_by        uuid,
    cancel_reason       text        check (length(cancel_reason) <= 1000),
    no_show_at          timestamptz,
    series_id           uuid,
    rescheduled_from    uuid,
    created_at          timestamptz not null,
    created_by          uuid,
    updated_at          timestamptz not null,
    version             bigint      not null default 0,
    primary key (tenant_id, id),
    foreign key (tenant_id, resource_id, resource_kind) references scheduling.resources (tenant_id, id, kind),
    check ((kind = 'CLINIC_VISIT') = (resource_kind = 'DOCTOR')),
    check (kind = 'CLINIC_VISIT' or address is not null),
    constraint appointments_doctor_overlap exclude using gist (
        tenant_id with =, resource_id with =, period with &&)
        where (resource_kind = 'DOCTOR' and status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')),
    constraint appointments_patient_overlap exclude using gist (
        tenant_id with =, patient_id with =, period with &&)
        where (status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'))
);
create index appointments_patient_idx on scheduling.appointments (tenant_id, patient_id, lower(period));
create index appointments_resource_idx on scheduling.appointments (tenant_id, resource_id, lower(period));
create index appointments_start_idx on scheduling.appointments (tenant_id, lower(period));
create index appointments_series_idx on scheduling.appointments (tenant_id, series_id) where series_id is not null;

-- Visits booked per car window. The check is the capacity rule; the trigger below keeps
-- the count, so no code path can book around it.
create table scheduling.car_window_bookings (
    tenant_id    uuid        not null,
    car_id       uuid        not null,
    window_start timestamptz not null,
    booked       int         not null,
    capacity     int         not null,
    primary key (tenant_id, car_id, window_start),
    constraint car_window_full check (booked between 0 and capacity)
);

create function scheduling.count_car_visits() returns trigger
    language plpgsql
as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.resource_kind = 'CAR'
            and old.status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED') then
        update scheduling.car_window_bookings set booked = booked - 1
        where tenant_id = old.tenant_id and car_id = old.resource_id and window_start = lower(old.period);
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.resource_kind = 'CAR'
            and new.status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED') then
        -- the car's capacity as it is now: lowering it stops new bookings of a window
        -- that already holds more, and keeps the visits it has
        insert into scheduling.car_window_bookings as b (tenant_id, car_id, window_start, booked, capacity)
        select new.tenant_id, new.resource_id, lower(new.period), 1, c.capacity_per_window
        from scheduling.cars c where c.tenant_id = new.tenant_id and c.id = new.resource_id
        on conflict (tenant_id, car_id, window_start)
            do update set booked = b.booked + 1, capacity = excluded.capacity;
    end if;
    return null;
end
$$;
create trigger count_car_visits after insert or update of status, period, resource_id or delete
    on scheduling.appointments for each row execute function scheduling.count_car_visits();

-- Calendar feeds: a secret token per doctor, revocable, so that calendar apps can
-- subscribe without a login.
create table scheduling.calendar_feeds (
    tenant_id  uuid        not null,
    doctor_id  uuid        not null,
    token_hash text        not null,
    created_at timestamptz not null,
    primary key (tenant_id, doctor_id),
    foreign key (tenant_id, doctor_id) references scheduling.doctors (tenant_id, id)
);
create unique index calendar_feeds_token_key on scheduling.calendar_feeds (token_hash);

alter table scheduling.appointments enable row level security;
alter table scheduling.car_window_bookings enable row level security;
alter table scheduling.calendar_feeds enable row level security;
create policy tenant_isolation on scheduling.appointments
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.car_window_bookings
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
create policy tenant_isolation on scheduling.calendar_feeds
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());

-- Appointments are never deleted: cancelled ones stay, with who, when and why.
grant select, insert, update on scheduling.appointments, scheduling.car_window_bookings to ${app_role};
grant select, insert, update, delete on scheduling.calendar_feeds to ${app_role};

-- A calendar app presents only the token: find its tenant and doctor before any tenant is
-- bound (a narrow lookup, like identity's pre-authentication functions).
create function scheduling.calendar_feed_owner(token_hash text) returns table (tenant_id uuid, doctor_id uuid)
    language sql stable security definer set search_path = pg_catalog, scheduling
as $$ select f.tenant_id, f.doctor_id from scheduling.calendar_feeds f where f.token_hash = $1 $$;
revoke all on function scheduling.calendar_feed_owner(text) from public;
grant execute on function scheduling.calendar_feed_owner(text) to ${app_role};
