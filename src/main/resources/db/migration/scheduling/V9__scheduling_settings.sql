-- Scheduling rules a clinic sets for itself.
create table scheduling.settings (
    tenant_id                          uuid        not null primary key,
    -- PATIENT users may cancel online up to this many minutes before the start
    patient_cancellation_cutoff_minutes int        not null default 1440
        check (patient_cancellation_cutoff_minutes between 0 and 43200),
    updated_at                         timestamptz not null,
    updated_by                         uuid
);
alter table scheduling.settings enable row level security;
create policy tenant_isolation on scheduling.settings
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, update on scheduling.settings to ${app_role};

-- A reschedule moves the appointment itself; what it keeps is the start it had before.
alter table scheduling.appointments alter column rescheduled_from type timestamptz using null;
