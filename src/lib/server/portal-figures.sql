-- Portal-wide figures that are not on the map, read as the viewer set by withViewer: row-level
-- security, not this query, decides which rows count (the anonymous viewer sees public rows
-- only). The map's own figures (items, units, sites, cases, routes) come from the explorer
-- summary over item_facts, so the about page, /api/health and /api/summary count one set.
-- Parameters: none.
-- Columns:
--   trace_requests, trace_responses, parties  integer  visible rows
--   synthetic_items, synthetic_sites, synthetic_cases, synthetic_routes, synthetic_trace_requests,
--   synthetic_trace_responses, synthetic_parties  boolean  whether the figure counts a synthetic row
--   synthetic     boolean  whether any visible row is synthetic (demo) data
--   data_version  bigint   atlas.data_version.version
--   postgis       text     postgis_lib_version()
WITH marks AS (
  SELECT
    EXISTS (SELECT 1 FROM atlas.item_facts WHERE synthetic) AS items,
    EXISTS (SELECT 1 FROM atlas.sites s WHERE s.synthetic AND EXISTS (SELECT 1 FROM atlas.item_facts f WHERE f.site_id = s.id)) AS sites,
    EXISTS (SELECT 1 FROM atlas.diversion_cases WHERE synthetic) AS cases,
    EXISTS (SELECT 1 FROM atlas.routes WHERE synthetic) AS routes,
    EXISTS (SELECT 1 FROM atlas.trace_requests WHERE synthetic) AS trace_requests,
    EXISTS (SELECT 1 FROM atlas.trace_responses WHERE synthetic) AS trace_responses,
    EXISTS (SELECT 1 FROM atlas.parties WHERE synthetic) AS parties
)
SELECT
  (SELECT count(*) FROM atlas.trace_requests)::integer AS trace_requests,
  (SELECT count(*) FROM atlas.trace_responses)::integer AS trace_responses,
  (SELECT count(*) FROM atlas.parties)::integer AS parties,
  m.items AS synthetic_items, m.sites AS synthetic_sites, m.cases AS synthetic_cases, m.routes AS synthetic_routes,
  m.trace_requests AS synthetic_trace_requests, m.trace_responses AS synthetic_trace_responses, m.parties AS synthetic_parties,
  (m.items OR m.sites OR m.cases OR m.routes OR m.trace_requests OR m.trace_responses OR m.parties
    OR EXISTS (SELECT 1 FROM atlas.documentation_events WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.consignments WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.transfers WHERE synthetic)
    OR EXISTS (SELECT 1 FROM atlas.reports WHERE synthetic)) AS synthetic,
  (SELECT version FROM atlas.data_version) AS data_version,
  postgis_lib_version() AS postgis
FROM marks m
