-- Extensions the modules build on: trigram and accent-insensitive search, exclusion
-- constraints over ranges, distances on the earth, case-insensitive text.
-- On an external server these need the one-time DBA step in docs/operations.md.
create extension if not exists pg_trgm;
create extension if not exists unaccent;
create extension if not exists btree_gist;
create extension if not exists cube;
create extension if not exists earthdistance;
create extension if not exists citext;

create schema if not exists shared;
grant usage on schema shared to ${app_role};

-- The tenant of the current transaction, set by the application with
-- set_config('app.tenant_id', …, true). Null when none is set, so that row-level
-- security policies then match no row. (After a transaction that set it, the setting
-- reads as '' rather than null, hence nullif.)
create function shared.current_tenant() returns uuid
    language sql stable parallel safe
as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

grant execute on function shared.current_tenant() to ${app_role};
