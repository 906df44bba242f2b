create schema if not exists identity;
grant usage on schema identity to ${app_role};

-- A clinic or laboratory. Its row is visible only inside itself.
create table identity.tenants (
    id         uuid        not null primary key,
    name       text        not null check (length(name) between 1 and 200),
    slug       text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
    timezone   text        not null,
    locale     text        not null,
    created_at timestamptz not null,
    version    bigint      not null default 0
);
create unique index tenants_slug_key on identity.tenants (slug);
alter table identity.tenants enable row level security;
create policy tenant_isolation on identity.tenants
    using (id = shared.current_tenant()) with check (id = shared.current_tenant());
grant select, insert, update on identity.tenants to ${app_role};

create table identity.users (
    tenant_id            uuid        not null references identity.tenants (id),
    id                   uuid        not null,
    email                text        not null check (length(email) <= 254),
    name                 text        not null check (length(name) between 1 and 200),
    phone                text,
    role                 text        not null check (role in ('ADMIN', 'STAFF', 'DOCTOR', 'DRIVER', 'PATIENT')),
    active               boolean     not null,
    locale               text,
    password_hash        text,
    must_change_password boolean     not null,
    invite_token_hash    bytea,
    invite_expires_at    timestamptz,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null,
    primary key (tenant_id, id)
);
-- E-mails are unique per tenant regardless of case.
create unique index users_tenant_email_key on identity.users (tenant_id, lower(email));
create index users_login_idx on identity.users (lower(email));
create index users_invite_idx on identity.users (invite_token_hash) where invite_token_hash is not null;
create index users_role_idx on identity.users (tenant_id, role, id);
alter table identity.users enable row level security;
create policy tenant_isolation on identity.users
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, update on identity.users to ${app_role};

create table identity.user_photos (
    tenant_id    uuid        not null,
    user_id      uuid        not null,
    content_type text        not null,
    bytes        bytea       not null,
    updated_at   timestamptz not null,
    primary key (tenant_id, user_id),
    foreign key (tenant_id, user_id) references identity.users (tenant_id, id)
);
alter table identity.user_photos enable row level security;
create policy tenant_isolation on identity.user_photos
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, update, delete on identity.user_photos to ${app_role};

-- Rotating refresh tokens, stored as SHA-256 hashes. A family is one login's chain of
-- rotations; reuse of a rotated token revokes the whole family.
create table identity.refresh_tokens (
    tenant_id  uuid        not null,
    id         uuid        not null,
    family_id  uuid        not null,
    user_id    uuid        not null,
    token_hash bytea       not null,
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    rotated_at timestamptz,
    revoked_at timestamptz,
    primary key (tenant_id, id),
    foreign key (tenant_id, user_id) references identity.users (tenant_id, id)
);
create index refresh_tokens_hash_idx on identity.refresh_tokens (token_hash);
create index refresh_tokens_family_idx on identity.refresh_tokens (tenant_id, family_id);
create index refresh_tokens_expires_idx on identity.refresh_tokens (expires_at);
alter table identity.refresh_tokens enable row level security;
create policy tenant_isolation on identity.refresh_tokens
    using (tenant_id = shared.current_tenant()) with check (tenant_id = shared.current_tenant());
grant select, insert, update on identity.refresh_tokens to ${app_role};

-- Before authentication the tenant is not yet known. These narrow functions, run as the
-- schema owner, answer only "which tenant": everything else is then read inside that
-- tenant, under row-level security.
create function identity.login_candidates(p_email text)
    returns table (tenant_id uuid, tenant_slug text)
    language sql stable security definer set search_path = pg_catalog
as $$
    select u.tenant_id, t.slug
    from identity.users u join identity.tenants t on t.id = u.tenant_id
    where lower(u.email) = lower(p_email)
$$;

create function identity.tenant_by_slug(p_slug text) returns uuid
    language sql stable security definer set search_path = pg_catalog
as $$ select id from identity.tenants where slug = p_slug $$;

create function identity.refresh_token_tenant(p_hash bytea) returns uuid
    language sql stable security definer set search_path = pg_catalog
as $$ select tenant_id from identity.refresh_tokens where token_hash = p_hash $$;

create function identity.invite_tenant(p_hash bytea) returns uuid
    language sql stable security definer set search_path = pg_catalog
as $$ select tenant_id from identity.users where invite_token_hash = p_hash $$;

create function identity.purge_refresh_tokens(p_before timestamptz) returns integer
    language sql security definer set search_path = pg_catalog
as $$
    with purged as (delete from identity.refresh_tokens where expires_at < p_before returning 1)
    select count(*)::integer from purged
$$;

revoke all on function identity.login_candidates(text), identity.tenant_by_slug(text),
    identity.refresh_token_tenant(bytea), identity.invite_tenant(bytea),
    identity.purge_refresh_tokens(timestamptz) from public;
grant execute on function identity.login_candidates(text), identity.tenant_by_slug(text),
    identity.refresh_token_tenant(bytea), identity.invite_tenant(bytea),
    identity.purge_refresh_tokens(timestamptz) to ${app_role};
