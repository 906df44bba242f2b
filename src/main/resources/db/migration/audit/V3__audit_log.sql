create schema if not exists audit;
grant usage on schema audit to ${app_role};

-- Who did what to which record, when, from where, and how it ended. Append-only: the
-- runtime role may insert and read, never update or delete.
create table audit.audit_log (
    tenant_id   uuid        not null,
    id          uuid        not null,
    at          timestamptz not null,
    actor_id    uuid,
    action      text        not null,
    entity_type text,
    entity_id   uuid,
    outcome     text        not null check (outcome in ('SUCCESS', 'FAILURE', 'DENIED')),
    request_id  text,
    client_ip   inet,
    details     jsonb,
    primary key (tenant_id, id)
);
create index audit_log_entity_idx on audit.audit_log (tenant_id, entity_type, entity_id, id desc);
create index audit_log_actor_idx on audit.audit_log (tenant_id, actor_id, id desc);

alter table audit.audit_log enable row level security;
create policy tenant_isolation on audit.audit_log
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert on audit.audit_log to ${app_role};
