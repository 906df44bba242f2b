-- Patients whose appointment figures are due for a recount (decision 0017): the
-- transaction that changes an appointment adds a row, and the transaction that recounts
-- a batch of patients deletes theirs, so a change committed is never left uncounted even
-- if the service stops before the recount. It replaces the event publication registry
-- for AppointmentChanged, which wrote a publication row and updated it twice, in two
-- transactions of their own, for every booking.
create table scheduling.figures_due (
    tenant_id  uuid        not null,
    id         uuid        not null,
    patient_id uuid        not null,
    due_at     timestamptz not null,
    primary key (tenant_id, id)
);
alter table scheduling.figures_due enable row level security;
create policy tenant_isolation on scheduling.figures_due
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, delete on scheduling.figures_due to ${app_role};

-- The sweep that recounts what a stopped service left behind looks across clinics, then
-- works in each one's context: one narrow function, as for the other housekeeping.
create function scheduling.overdue_figures(p_before timestamptz, p_limit integer)
    returns table (tenant_id uuid, id uuid, patient_id uuid)
    language sql stable security definer set search_path = pg_catalog
as $$
    select d.tenant_id, d.id, d.patient_id from scheduling.figures_due d
    where d.due_at < p_before order by d.due_at limit p_limit
$$;
revoke all on function scheduling.overdue_figures(timestamptz, integer) from public;
grant execute on function scheduling.overdue_figures(timestamptz, integer) to ${app_role};
