-- Every appointment change rewrites its patient's analytics columns (scheduling's events,
-- a batch of patients per statement). On a full page PostgreSQL writes the new row
-- version to another page and adds an entry for it to each of the table's dozen indexes
-- (three GIN, one GiST among them); with room left on the page, and no indexed column
-- changed (booking, confirming or cancelling changes none), the update is heap-only (HOT)
-- and touches no index. Pages written from now on keep 15 % free for that; pages written
-- before keep their layout until the table is rewritten.
alter table patients.patients set (fillfactor = 85);
