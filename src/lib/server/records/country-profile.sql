-- A country's profile: as a place of recovery (visible items documented there, by
-- category, top countries of manufacture, top holding forces, its cases) and as a producer
-- (trace requests addressed to it, how many were answered and how).
-- Parameters:
--   $1 text     ISO 3166 alpha-3 code, upper case
--   $2 integer  how many top countries and holders to list (cases: five times as many)
-- Columns:
--   profile  json  CountryProfile (src/lib/records-types.ts)
WITH here AS (
  SELECT f.* FROM atlas.item_facts f WHERE f.country_iso3 = $1
), requests AS (
  SELECT r.id, p.class FROM atlas.trace_requests r LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
  WHERE r.recipient_iso3 = $1
)
SELECT json_build_object(
  'country', json_build_object('iso3', c.iso3, 'name', c.name, 'region', c.region, 'subregion', c.subregion,
    'conflictAffected', c.conflict_affected, 'dissolvedOn', c.dissolved_on),
  'recovery', json_build_object(
    'items', (SELECT count(*) FROM here),
    'units', (SELECT coalesce(sum(quantity), 0) FROM here),
    'sites', (SELECT count(DISTINCT site_id) FROM here),
    'byCategory', coalesce((SELECT json_agg(json_build_object('category', category, 'items', items, 'units', units) ORDER BY category)
                            FROM (SELECT category, count(*) AS items, sum(quantity) AS units FROM here GROUP BY category) AS x), '[]'::json),
    'topMadeIn', coalesce((SELECT json_agg(json_build_object('id', NULL, 'iso3', x.made_in_iso3, 'name', m.name, 'items', x.items, 'units', x.units)
                                    ORDER BY x.items DESC, m.name)
                           FROM (SELECT made_in_iso3, count(*) AS items, sum(quantity) AS units FROM here
                                 WHERE made_in_iso3 IS NOT NULL GROUP BY made_in_iso3 ORDER BY count(*) DESC, made_in_iso3 LIMIT $2) AS x
                           JOIN atlas.countries m ON m.iso3 = x.made_in_iso3), '[]'::json),
    'topHolders', coalesce((SELECT json_agg(json_build_object('id', h.id, 'iso3', h.country_iso3, 'name', h.name, 'items', x.items, 'units', x.units)
                                     ORDER BY x.items DESC, h.name)
                            FROM (SELECT holding_party_id, count(*) AS items, sum(quantity) AS units FROM here
                                  WHERE holding_party_id IS NOT NULL GROUP BY holding_party_id ORDER BY count(*) DESC, holding_party_id LIMIT $2) AS x
                            JOIN atlas.parties h ON h.id = x.holding_party_id), '[]'::json),
    'caseCount', (SELECT count(*) FROM atlas.diversion_cases d WHERE d.country_iso3 = $1),
    -- Real records first, then the demo cases with most items; the page lists $2 * 5.
    'cases', coalesce((SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'mechanism', x.mechanism, 'iso3', x.country_iso3,
                                'synthetic', x.synthetic, 'items', x.items) ORDER BY x.synthetic, x.items DESC, x.id)
                       FROM (SELECT d.*, (SELECT count(*) FROM atlas.case_items ci WHERE ci.case_id = d.id) AS items
                             FROM atlas.diversion_cases d WHERE d.country_iso3 = $1
                             ORDER BY d.synthetic, items DESC, d.id LIMIT $2 * 5) AS x), '[]'::json)
  ),
  'producer', json_build_object(
    'requestsReceived', (SELECT count(*) FROM requests),
    'responses', (SELECT count(*) FROM requests WHERE class IS NOT NULL),
    'responseRate', (SELECT CASE WHEN count(*) = 0 THEN NULL ELSE round(count(class)::numeric / count(*), 3) END FROM requests),
    'byClass', json_build_object(
      'expansive', (SELECT count(*) FROM requests WHERE class = 'expansive'),
      'permissive', (SELECT count(*) FROM requests WHERE class = 'permissive'),
      'dissuasive', (SELECT count(*) FROM requests WHERE class = 'dissuasive')),
    'itemsMadeHere', (SELECT count(*) FROM atlas.item_facts f WHERE f.made_in_iso3 = $1)
  )
) AS profile
FROM atlas.countries c
WHERE c.iso3 = $1
