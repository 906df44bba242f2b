-- Spring Modulith's event publication registry (the outbox): a row per event and
-- listener until the listener has completed, so that unfinished work survives a crash
-- and is retried. Same structure as the framework's schema v2.
create table shared.event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on shared.event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on shared.event_publication (completion_date);
grant select, insert, update, delete on shared.event_publication to ${app_role};

-- db-scheduler's table: jobs that run once across all instances and survive restarts.
create table shared.scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamptz,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint not null,
    priority             smallint,
    state                text,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on shared.scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on shared.scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on shared.scheduled_tasks (priority desc, execution_time asc);
grant select, insert, update, delete on shared.scheduled_tasks to ${app_role};

-- Responses remembered for Idempotency-Key replays, per tenant and user.
create table shared.idempotency_keys (
    tenant_id     uuid        not null,
    user_id       uuid        not null,
    key           text        not null check (length(key) between 1 and 255),
    request_hash  bytea       not null,
    status        int,
    content_type  text,
    location      text,
    etag          text,
    body          bytea,
    created_at    timestamptz not null,
    primary key (tenant_id, user_id, key)
);
create index idempotency_keys_created_at_idx on shared.idempotency_keys (created_at);
alter table shared.idempotency_keys enable row level security;
create policy tenant_isolation on shared.idempotency_keys
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, update, delete on shared.idempotency_keys to ${app_role};

-- Housekeeping across tenants runs as the schema owner, through one narrow function.
create function shared.purge_idempotency_keys(p_before timestamptz) returns integer
    language sql security definer set search_path = pg_catalog
as $$
    with purged as (delete from shared.idempotency_keys where created_at < p_before returning 1)
    select count(*)::integer from purged
$$;
revoke all on function shared.purge_idempotency_keys(timestamptz) from public;
grant execute on function shared.purge_idempotency_keys(timestamptz) to ${app_role};
