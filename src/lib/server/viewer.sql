-- Makes the rest of this transaction run as the web reader, with row-level security
-- deciding what the viewer may see (db/migrations/008_row_security.sql), and reads the
-- data version the transaction sees, all in one statement: it is sent together with the
-- request's first query (viewer.ts), so a cold request pays no round trip for it.
-- set_config(..., true) is SET LOCAL: it ends with the transaction, so a pooled
-- connection never carries one reader's identity into the next request.
-- :role viewer role: 'public' | 'partner' | 'staff'
-- :country viewer country (ISO 3166 alpha-3) or '' for none
-- :statement_timeout statement timeout, e.g. '15s'
-- :parallel_workers max_parallel_workers_per_gather for this transaction, or null to keep
--   the server's (tiles set '0': parallel workers made z6-z8 tiles 2-4x slower on two cores)
-- Custom plans always: the same tile or filter query runs with ever different values, and
-- after five runs PostgreSQL's generic plan for it scanned every item (65 ms per tile on
-- PGlite instead of 7 ms).
-- No JIT compilation: on this two-core machine compiling a large aggregate cost more than
-- running it (a country profile at scale 10: 2.5 s with PostgreSQL's default jit = on, 0.58 s
-- without; plans of that cost go over jit_above_cost, as most aggregates do at scale).
-- Output: data_version text (atlas.data_version.version as the transaction sees it).
-- The version is read before the role changes: permissions are checked when the statement
-- starts, as the connecting role, and data_version is readable by the reader anyway.
SELECT set_config('role', 'atlas_reader', true),
       set_config('atlas.viewer_role', :role, true),
       set_config('atlas.viewer_country', :country, true),
       set_config('statement_timeout', :statement_timeout, true),
       set_config('plan_cache_mode', 'force_custom_plan', true),
       set_config('jit', 'off', true),
       set_config('max_parallel_workers_per_gather',
                  coalesce(:parallel_workers::text, current_setting('max_parallel_workers_per_gather')), true),
       (SELECT version FROM atlas.data_version)::text AS data_version
