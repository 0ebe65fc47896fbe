-- A country's profile: as a place of recovery (visible items documented there, by
-- category, top countries of manufacture, top holding forces, its cases) and as a producer
-- (trace requests addressed to it, how many were answered and how, and the answers that
-- said the records were unavailable). Every figure comes with the count it is out of.
-- The item figures are sums over the rollups the triggers keep current (db/migrations/018):
-- the site totals for items, units and sites, and the dimension rollup, whose `type` rows
-- cover every item (an item always has a type), for years, categories, types, countries of
-- manufacture and holders. Row security on the rollups hides what it hides on item_facts,
-- so the page counts what /api/stats?country=<iso3> counts (the stats read the same
-- rollups), and a profile costs what the country's rollup rows cost instead of a pass over
-- its items (scale 10, native PostGIS, best of 3 as the public reader: Iraq 940 -> 146 ms,
-- Syria 752 -> 129 ms, Libya 593 -> 97 ms).
-- Parameters:
--   :iso3       text     ISO 3166 alpha-3 code, upper case
--   :top        integer  how many top countries and holders to list (cases: five times as many)
-- Columns:
--   profile  json  CountryProfile (src/lib/api/records.ts); recovery.synthetic and
--            producer.synthetic say whether the section's figures count any synthetic row
WITH site_totals AS MATERIALIZED (
  SELECT f.site_id, f.category, f.synthetic, f.items, f.units
  FROM atlas.site_total_rollup f WHERE f.country_iso3 = (:iso3)::char(3)
), here AS MATERIALIZED (
  -- The country's items by dimension value, documentation year and category.
  SELECT f.dimension, f.value, extract(year FROM f.documented_on)::integer AS year, f.category,
    bool_or(f.synthetic) AS synthetic, sum(f.items)::bigint AS items, sum(f.units)::bigint AS units
  FROM atlas.dimension_rollup f
  WHERE f.dimension IN ('type', 'made_in', 'group') AND f.country_iso3 = (:iso3)::char(3)
  GROUP BY 1, 2, 3, 4
), made_here AS MATERIALIZED (
  SELECT bool_or(f.synthetic) AS synthetic, coalesce(sum(f.items), 0)::bigint AS items
  FROM atlas.dimension_rollup f WHERE f.dimension = 'made_in' AND f.value = (:iso3)::text
), requests AS (
  SELECT r.id, p.class, p.id AS response_id, r.synthetic OR coalesce(p.synthetic, false) AS synthetic FROM atlas.trace_requests r LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
  WHERE r.recipient_iso3 = (:iso3)::char(3)
), unavailable AS (
  -- Answers that could not trace because the records are gone or were never kept.
  SELECT q.response_id, x.factor_code FROM requests q
  JOIN atlas.trace_response_factors x ON x.response_id = q.response_id
  WHERE x.factor_code IN ('records_destroyed', 'retention_expired', 'party_no_longer_exists', 'records_not_kept')
), cases_here AS MATERIALIZED (
  SELECT d.id, d.title, d.mechanism, d.country_iso3, d.synthetic FROM atlas.diversion_cases d WHERE d.country_iso3 = (:iso3)::char(3)
), case_sizes AS (
  -- The visible items of each of the country's cases, from the case rollup: counting their
  -- links in case_items instead asks row security of every link (0.5 s for Syria's 15,768 cases).
  SELECT f.case_id, sum(f.items) AS items FROM atlas.case_rollup f WHERE f.case_id IN (SELECT id FROM cases_here) GROUP BY f.case_id
)
SELECT json_build_object(
  'country', json_build_object('iso3', c.iso3, 'name', c.name, 'region', c.region, 'subregion', c.subregion,
    'conflictAffected', c.conflict_affected, 'dissolvedOn', c.dissolved_on),
  'recovery', json_build_object(
    -- Whether any row these figures count is synthetic: the page marks them as demo data.
    'synthetic', EXISTS (SELECT 1 FROM site_totals WHERE synthetic)
      OR EXISTS (SELECT 1 FROM cases_here WHERE synthetic),
    'items', (SELECT coalesce(sum(items), 0)::bigint FROM site_totals),
    'units', (SELECT coalesce(sum(units), 0)::bigint FROM site_totals),
    'sites', (SELECT count(DISTINCT site_id) FROM site_totals),
    -- [west, south, east, north] of the country's shape; null for former states without one.
    'bbox', CASE WHEN c.geom IS NULL THEN NULL
                 ELSE json_build_array(round(ST_XMin(c.geom)::numeric, 4), round(ST_YMin(c.geom)::numeric, 4),
                                       round(ST_XMax(c.geom)::numeric, 4), round(ST_YMax(c.geom)::numeric, 4)) END,
    -- SDG 16.4.2-style: weapons documented here whose country of manufacture is known, out of
    -- all weapons documented here (item records, not units).
    'originKnown', (SELECT json_build_object(
        'weapons', w.weapons,
        'known', w.known,
        'share', CASE WHEN w.weapons = 0 THEN NULL ELSE round(w.known::numeric / w.weapons, 3) END)
      FROM (SELECT coalesce(sum(items) FILTER (WHERE dimension = 'type'), 0)::bigint AS weapons,
                   coalesce(sum(items) FILTER (WHERE dimension = 'made_in'), 0)::bigint AS known
            FROM here WHERE category = 'weapon') AS w),
    'madeInKnown', (SELECT coalesce(sum(items), 0)::bigint FROM here WHERE dimension = 'made_in'),
    'holderKnown', (SELECT coalesce(sum(items), 0)::bigint FROM here WHERE dimension = 'group'),
    'byType', coalesce((SELECT json_agg(json_build_object('type', item_type, 'category', category, 'items', items, 'units', units)
                                ORDER BY items DESC, item_type)
                        FROM (SELECT value AS item_type, min(category::text) AS category, sum(items)::bigint AS items, sum(units)::bigint AS units
                              FROM here WHERE dimension = 'type'
                              GROUP BY value ORDER BY sum(items) DESC, value LIMIT (:top)::int) AS x), '[]'::json),
    'typeCount', (SELECT count(DISTINCT value) FROM here WHERE dimension = 'type'),
    'byYear', coalesce((SELECT json_agg(json_build_object('year', year, 'items', items, 'units', units) ORDER BY year)
                        FROM (SELECT year, sum(items)::bigint AS items, sum(units)::bigint AS units
                              FROM here WHERE dimension = 'type' GROUP BY 1) AS x), '[]'::json),
    'byCategory', coalesce((SELECT json_agg(json_build_object('category', category, 'items', items, 'units', units) ORDER BY category)
                            FROM (SELECT category, sum(items)::bigint AS items, sum(units)::bigint AS units FROM site_totals GROUP BY category) AS x), '[]'::json),
    'topMadeIn', coalesce((SELECT json_agg(json_build_object('id', NULL, 'iso3', x.made_in_iso3, 'name', m.name, 'items', x.items, 'units', x.units)
                                    ORDER BY x.items DESC, m.name)
                           FROM (SELECT value::char(3) AS made_in_iso3, sum(items)::bigint AS items, sum(units)::bigint AS units FROM here
                                 WHERE dimension = 'made_in' GROUP BY value ORDER BY sum(items) DESC, value LIMIT (:top)::int) AS x
                           JOIN atlas.countries m ON m.iso3 = x.made_in_iso3), '[]'::json),
    'topHolders', coalesce((SELECT json_agg(json_build_object('id', h.id, 'iso3', h.country_iso3, 'name', h.name, 'items', x.items, 'units', x.units,
                                       'redFlag', h.red_flag, 'redFlagReason', h.red_flag_reason)
                                     ORDER BY x.items DESC, h.name)
                            FROM (SELECT value::int AS holding_party_id, sum(items)::bigint AS items, sum(units)::bigint AS units FROM here
                                  WHERE dimension = 'group' GROUP BY value ORDER BY sum(items) DESC, value::int LIMIT (:top)::int) AS x
                            JOIN atlas.parties h ON h.id = x.holding_party_id), '[]'::json),
    'caseCount', (SELECT count(*) FROM cases_here),
    -- Real records first, then the demo cases with most items; the page lists (:top)::int * 5.
    'cases', coalesce((SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'mechanism', x.mechanism, 'iso3', x.country_iso3,
                                'synthetic', x.synthetic, 'items', x.items) ORDER BY x.synthetic, x.items DESC, x.id)
                       FROM (SELECT d.*, coalesce(n.items, 0) AS items
                             FROM cases_here d LEFT JOIN case_sizes n ON n.case_id = d.id
                             ORDER BY d.synthetic, items DESC, d.id LIMIT (:top)::int * 5) AS x), '[]'::json)
  ),
  'producer', json_build_object(
    'synthetic', EXISTS (SELECT 1 FROM requests WHERE synthetic) OR coalesce((SELECT synthetic FROM made_here), false),
    'requestsReceived', (SELECT count(*) FROM requests),
    'responses', (SELECT count(*) FROM requests WHERE class IS NOT NULL),
    'responseRate', (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE round(count(class)::numeric / count(*), 3) END FROM requests),
    'byClass', json_build_object(
      'expansive', (SELECT count(*) FROM requests WHERE class = 'expansive'),
      'permissive', (SELECT count(*) FROM requests WHERE class = 'permissive'),
      'dissuasive', (SELECT count(*) FROM requests WHERE class = 'dissuasive')),
    'itemsMadeHere', (SELECT items FROM made_here),
    -- Out of the responses received: how many said the records were unavailable, and why
    -- (one response may give more than one reason).
    'recordsUnavailable', json_build_object(
      'responses', (SELECT count(DISTINCT response_id) FROM unavailable),
      'byFactor', json_build_object(
        'records_destroyed', (SELECT count(*) FROM unavailable WHERE factor_code = 'records_destroyed'),
        'retention_expired', (SELECT count(*) FROM unavailable WHERE factor_code = 'retention_expired'),
        'party_no_longer_exists', (SELECT count(*) FROM unavailable WHERE factor_code = 'party_no_longer_exists'),
        'records_not_kept', (SELECT count(*) FROM unavailable WHERE factor_code = 'records_not_kept')))
  )
) AS profile
FROM atlas.countries c
WHERE c.iso3 = (:iso3)::char(3)
