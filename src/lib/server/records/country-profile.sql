-- A country's profile: as a place of recovery (visible items documented there, by
-- category, top countries of manufacture, top holding forces, its cases) and as a producer
-- (trace requests addressed to it, how many were answered and how, and the answers that
-- said the records were unavailable). Every figure comes with the count it is out of.
-- Parameters:
--   :iso3       text     ISO 3166 alpha-3 code, upper case
--   :recovered  the Filter {country: [iso3]} over item_facts f (filter-sql.ts), so the page
--               counts what /api/stats?country=<iso3> counts
--   :made       the Filter {made_in: [iso3]} over item_facts f
--   :top        integer  how many top countries and holders to list (cases: five times as many)
-- Columns:
--   profile  json  CountryProfile (src/lib/api/records.ts); recovery.synthetic and
--            producer.synthetic say whether the section's figures count any synthetic row
WITH here AS (
  SELECT f.* FROM atlas.item_facts f WHERE :recovered
), requests AS (
  SELECT r.id, p.class, p.id AS response_id, r.synthetic OR coalesce(p.synthetic, false) AS synthetic FROM atlas.trace_requests r LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
  WHERE r.recipient_iso3 = (:iso3)::char(3)
), unavailable AS (
  -- Answers that could not trace because the records are gone or were never kept.
  SELECT q.response_id, x.factor_code FROM requests q
  JOIN atlas.trace_response_factors x ON x.response_id = q.response_id
  WHERE x.factor_code IN ('records_destroyed', 'retention_expired', 'party_no_longer_exists', 'records_not_kept')
)
SELECT json_build_object(
  'country', json_build_object('iso3', c.iso3, 'name', c.name, 'region', c.region, 'subregion', c.subregion,
    'conflictAffected', c.conflict_affected, 'dissolvedOn', c.dissolved_on),
  'recovery', json_build_object(
    -- Whether any row these figures count is synthetic: the page marks them as demo data.
    'synthetic', EXISTS (SELECT 1 FROM here WHERE synthetic)
      OR EXISTS (SELECT 1 FROM atlas.diversion_cases d WHERE d.country_iso3 = (:iso3)::char(3) AND d.synthetic),
    'items', (SELECT count(*) FROM here),
    'units', (SELECT coalesce(sum(quantity), 0) FROM here),
    'sites', (SELECT count(DISTINCT site_id) FROM here),
    -- [west, south, east, north] of the country's shape; null for former states without one.
    'bbox', CASE WHEN c.geom IS NULL THEN NULL
                 ELSE json_build_array(round(ST_XMin(c.geom)::numeric, 4), round(ST_YMin(c.geom)::numeric, 4),
                                       round(ST_XMax(c.geom)::numeric, 4), round(ST_YMax(c.geom)::numeric, 4)) END,
    -- SDG 16.4.2-style: weapons documented here whose country of manufacture is known, out of
    -- all weapons documented here (item records, not units).
    'originKnown', (SELECT json_build_object(
        'weapons', count(*),
        'known', count(*) FILTER (WHERE made_in_iso3 IS NOT NULL),
        'share', CASE WHEN count(*) = 0 THEN NULL
                      ELSE round((count(*) FILTER (WHERE made_in_iso3 IS NOT NULL))::numeric / count(*), 3) END)
      FROM here WHERE category = 'weapon'),
    'madeInKnown', (SELECT count(*) FROM here WHERE made_in_iso3 IS NOT NULL),
    'holderKnown', (SELECT count(*) FROM here WHERE holding_party_id IS NOT NULL),
    'byType', coalesce((SELECT json_agg(json_build_object('type', item_type, 'category', category, 'items', items, 'units', units)
                                ORDER BY items DESC, item_type)
                        FROM (SELECT item_type, min(category::text) AS category, count(*) AS items, sum(quantity) AS units FROM here
                              GROUP BY item_type ORDER BY count(*) DESC, item_type LIMIT (:top)::int) AS x), '[]'::json),
    'typeCount', (SELECT count(DISTINCT item_type) FROM here),
    'byYear', coalesce((SELECT json_agg(json_build_object('year', year, 'items', items, 'units', units) ORDER BY year)
                        FROM (SELECT extract(year FROM documented_on)::integer AS year, count(*) AS items, sum(quantity) AS units
                              FROM here GROUP BY 1) AS x), '[]'::json),
    'byCategory', coalesce((SELECT json_agg(json_build_object('category', category, 'items', items, 'units', units) ORDER BY category)
                            FROM (SELECT category, count(*) AS items, sum(quantity) AS units FROM here GROUP BY category) AS x), '[]'::json),
    'topMadeIn', coalesce((SELECT json_agg(json_build_object('id', NULL, 'iso3', x.made_in_iso3, 'name', m.name, 'items', x.items, 'units', x.units)
                                    ORDER BY x.items DESC, m.name)
                           FROM (SELECT made_in_iso3, count(*) AS items, sum(quantity) AS units FROM here
                                 WHERE made_in_iso3 IS NOT NULL GROUP BY made_in_iso3 ORDER BY count(*) DESC, made_in_iso3 LIMIT (:top)::int) AS x
                           JOIN atlas.countries m ON m.iso3 = x.made_in_iso3), '[]'::json),
    'topHolders', coalesce((SELECT json_agg(json_build_object('id', h.id, 'iso3', h.country_iso3, 'name', h.name, 'items', x.items, 'units', x.units,
                                       'redFlag', h.red_flag, 'redFlagReason', h.red_flag_reason)
                                     ORDER BY x.items DESC, h.name)
                            FROM (SELECT holding_party_id, count(*) AS items, sum(quantity) AS units FROM here
                                  WHERE holding_party_id IS NOT NULL GROUP BY holding_party_id ORDER BY count(*) DESC, holding_party_id LIMIT (:top)::int) AS x
                            JOIN atlas.parties h ON h.id = x.holding_party_id), '[]'::json),
    'caseCount', (SELECT count(*) FROM atlas.diversion_cases d WHERE d.country_iso3 = (:iso3)::char(3)),
    -- Real records first, then the demo cases with most items; the page lists (:top)::int * 5.
    'cases', coalesce((SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'mechanism', x.mechanism, 'iso3', x.country_iso3,
                                'synthetic', x.synthetic, 'items', x.items) ORDER BY x.synthetic, x.items DESC, x.id)
                       FROM (SELECT d.*, (SELECT count(*) FROM atlas.case_items ci WHERE ci.case_id = d.id) AS items
                             FROM atlas.diversion_cases d WHERE d.country_iso3 = (:iso3)::char(3)
                             ORDER BY d.synthetic, items DESC, d.id LIMIT (:top)::int * 5) AS x), '[]'::json)
  ),
  'producer', json_build_object(
    'synthetic', EXISTS (SELECT 1 FROM requests WHERE synthetic)
      OR EXISTS (SELECT 1 FROM atlas.item_facts f WHERE :made AND f.synthetic),
    'requestsReceived', (SELECT count(*) FROM requests),
    'responses', (SELECT count(*) FROM requests WHERE class IS NOT NULL),
    'responseRate', (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE round(count(class)::numeric / count(*), 3) END FROM requests),
    'byClass', json_build_object(
      'expansive', (SELECT count(*) FROM requests WHERE class = 'expansive'),
      'permissive', (SELECT count(*) FROM requests WHERE class = 'permissive'),
      'dissuasive', (SELECT count(*) FROM requests WHERE class = 'dissuasive')),
    'itemsMadeHere', (SELECT count(*) FROM atlas.item_facts f WHERE :made),
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
