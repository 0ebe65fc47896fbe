-- Portal-wide figures, read as the viewer set by withViewer: row-level security, not
-- this query, decides which rows count (the anonymous viewer sees public rows only).
-- Parameters: none.
-- Columns:
--   items, sites, cases, routes, trace_requests, trace_responses, parties  integer  visible rows
--   units         bigint   sum of items.quantity
--   synthetic     boolean  whether any visible row is synthetic (demo) data
--   data_version  bigint   atlas.data_version.version
--   postgis       text     postgis_lib_version()
SELECT
  (SELECT count(*) FROM atlas.items)::integer AS items,
  (SELECT coalesce(sum(quantity), 0) FROM atlas.items)::bigint AS units,
  (SELECT count(*) FROM atlas.sites)::integer AS sites,
  (SELECT count(*) FROM atlas.diversion_cases)::integer AS cases,
  (SELECT count(*) FROM atlas.routes)::integer AS routes,
  (SELECT count(*) FROM atlas.trace_requests)::integer AS trace_requests,
  (SELECT count(*) FROM atlas.trace_responses)::integer AS trace_responses,
  (SELECT count(*) FROM atlas.parties)::integer AS parties,
  (EXISTS (SELECT 1 FROM atlas.items WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.sites WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.documentation_events WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.diversion_cases WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.routes WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.trace_requests WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.trace_responses WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.parties WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.consignments WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.transfers WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.reports WHERE synthetic)) AS synthetic,
  (SELECT version FROM atlas.data_version) AS data_version,
  postgis_lib_version() AS postgis
