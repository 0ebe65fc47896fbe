-- Makes the rest of this transaction run as the web reader, with row-level security
-- deciding what the viewer may see (db/migrations/008_row_security.sql).
-- set_config(..., true) is SET LOCAL: it ends with the transaction, so a pooled
-- connection never carries one reader's identity into the next request.
-- :role viewer role: 'public' | 'partner' | 'staff'
-- :country viewer country (ISO 3166 alpha-3) or '' for none
-- :statement_timeout statement timeout, e.g. '15s'
-- Custom plans always: the same tile or filter query runs with ever different values, and
-- after five runs PostgreSQL's generic plan for it scanned every item (65 ms per tile on
-- PGlite instead of 7 ms).
SELECT set_config('role', 'atlas_reader', true),
       set_config('atlas.viewer_role', :role, true),
       set_config('atlas.viewer_country', :country, true),
       set_config('statement_timeout', :statement_timeout, true),
       set_config('plan_cache_mode', 'force_custom_plan', true)
