-- Reads of appointments at two million rows (docs/performance.md, "Scheduling").
--
-- Under the row-level security policy, a condition may become an index condition only if
-- its functions are LEAKPROOF; lower(tstzrange) and the range operator && are not (only a
-- superuser can declare a function leakproof). So the day's dashboard read every
-- appointment of the clinic, and a doctor's slots and the conflict lookups read every
-- appointment of the doctor or patient. As for patients (decision 0008), the reads that
-- select by time go through a plain view that carries the tenant condition itself and is
-- not a security barrier: the planner then uses the start index for a day and the
-- exclusion constraints' GiST indexes for overlaps. Writes, and reads of one appointment
-- by id, still go to the table under its policy.
create view scheduling.tenant_appointments as
    select * from scheduling.appointments where tenant_id = shared.current_tenant();
grant select on scheduling.tenant_appointments to ${app_role};

-- A doctor's statistics count all of the doctor's appointments (about 10,000 over two
-- years): with the status, the kind and the period in the index they are counted from it
-- alone (an index-only scan) instead of from as many table pages. Same key as the index it
-- replaces, which served the lists of one doctor's or car's appointments in start order.
create index appointments_resource_covering_idx on scheduling.appointments (tenant_id, resource_id, lower(period))
    include (resource_kind, status, period);
drop index scheduling.appointments_resource_idx;
