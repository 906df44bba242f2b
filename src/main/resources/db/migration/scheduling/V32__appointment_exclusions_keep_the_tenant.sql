-- Every key names its clinic (ARCHITECTURE: the distribution column is in every unique
-- and exclusion constraint, so that the rules hold when the tables are sharded by
-- tenant). V22 dropped tenant_id from the two exclusion constraints because, as their
-- first column, every insert compared it in every entry of every page it passed
-- (decision 0011). As the last column it is seldom compared: GiST chooses where an entry
-- goes column by column, going on to a later column only for the entries that are at
-- least as good on the earlier ones, and tests an entry's columns in order, stopping at
-- the first that does not match, so only an entry of the same doctor (or patient) with an
-- overlapping period has its clinic compared. Same names, same conditions (decision 0013).
alter table scheduling.appointments
    drop constraint appointments_doctor_overlap,
    drop constraint appointments_patient_overlap;
alter table scheduling.appointments
    add constraint appointments_doctor_overlap
        exclude using gist (resource_id with =, period with &&, tenant_id with =)
        where (resource_kind = 'DOCTOR' and status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED')),
    add constraint appointments_patient_overlap
        exclude using gist (patient_id with =, period with &&, tenant_id with =)
        where (status in ('SCHEDULED', 'CONFIRMED', 'CHECKED_IN', 'COMPLETED'));
