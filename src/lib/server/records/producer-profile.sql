-- A country as producer and exporter, over a period: where the materiel made there was
-- documented (by country of recovery, by type, by year), the diversion cases its items are
-- in with their mechanism and parties, its record in answering trace requests by year
-- against its region's and the world's, and the red-flagged parties in its supply chains.
-- Every list comes with the count it is out of; row security hides what the viewer may not see.
-- Parameters:
--   :iso3  text     ISO 3166 alpha-3 code, upper case
--   :made  the Filter {made_in: [iso3], from, to} over item_facts f (filter-sql.ts), so the
--          page counts what /api/stats?made_in=<iso3>&from=&to= counts
--   :from  date or null  first day of the period (trace requests issued on or after it)
--   :to    date or null  last day of the period
--   :top   integer  how many types and cases to list
-- Columns:
--   producer  json  ProducerProfile (src/lib/api/records.ts)
WITH made AS (
  SELECT f.item_id, f.site_id, f.country_iso3, f.item_type, f.category, f.documented_on, f.quantity,
         f.case_ids, f.consignment_id, f.synthetic
  FROM atlas.item_facts f WHERE :made
), home AS (
  SELECT region FROM atlas.countries WHERE iso3 = (:iso3)::char(3)
), requests AS (
  -- Every visible request in the period with its recipient's region, so one scan gives the
  -- country's rate, its region's and the world's.
  SELECT extract(year FROM r.issued_on)::integer AS year, r.recipient_iso3, c.region, p.class,
         r.synthetic OR coalesce(p.synthetic, false) AS synthetic
  FROM atlas.trace_requests r
  LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
  LEFT JOIN atlas.countries c ON c.iso3 = r.recipient_iso3
  WHERE ((:from)::date IS NULL OR r.issued_on >= (:from)::date)
    AND ((:to)::date IS NULL OR r.issued_on <= (:to)::date)
), case_hits AS (
  SELECT unnest(m.case_ids) AS case_id, m.item_id FROM made m
), cases AS (
  SELECT d.id, d.title, d.mechanism, d.country_iso3, d.synthetic, count(DISTINCT h.item_id) AS items
  FROM case_hits h JOIN atlas.diversion_cases d ON d.id = h.case_id
  GROUP BY d.id
), consignments AS (
  SELECT DISTINCT consignment_id AS id FROM made WHERE consignment_id IS NOT NULL
), chain AS (
  -- Parties that moved or held its materiel: senders and receivers of the consignments its
  -- documented items came in, and the parties named in the cases its items are in.
  SELECT t.from_party_id AS party_id, t.consignment_id, NULL::integer AS case_id
  FROM atlas.transfers t JOIN consignments k ON k.id = t.consignment_id
  UNION ALL
  SELECT t.to_party_id, t.consignment_id, NULL FROM atlas.transfers t JOIN consignments k ON k.id = t.consignment_id
  UNION ALL
  SELECT cp.party_id, NULL, cp.case_id FROM atlas.case_parties cp JOIN cases x ON x.id = cp.case_id
)
SELECT json_build_object(
  'synthetic', EXISTS (SELECT 1 FROM made WHERE synthetic)
    OR EXISTS (SELECT 1 FROM requests WHERE recipient_iso3 = (:iso3)::char(3) AND synthetic),
  'period', json_build_object('from', (:from)::date, 'to', (:to)::date),
  'items', (SELECT count(*) FROM made),
  'units', (SELECT coalesce(sum(quantity), 0) FROM made),
  -- Documented outside the country that made them: what left its territory.
  'itemsAbroad', (SELECT count(*) FROM made WHERE country_iso3 <> (:iso3)::char(3)),
  'destinations', coalesce((SELECT json_agg(json_build_object('iso3', x.country_iso3, 'name', c.name, 'items', x.items,
                                  'units', x.units, 'sites', x.sites) ORDER BY x.items DESC, c.name)
                            FROM (SELECT country_iso3, count(*) AS items, sum(quantity) AS units, count(DISTINCT site_id) AS sites
                                  FROM made GROUP BY country_iso3) AS x
                            JOIN atlas.countries c ON c.iso3 = x.country_iso3), '[]'::json),
  'byType', coalesce((SELECT json_agg(json_build_object('type', item_type, 'category', category, 'items', items, 'units', units)
                              ORDER BY items DESC, item_type)
                      FROM (SELECT item_type, min(category::text) AS category, count(*) AS items, sum(quantity) AS units FROM made
                            GROUP BY item_type ORDER BY count(*) DESC, item_type LIMIT (:top)::int) AS x), '[]'::json),
  'typeCount', (SELECT count(DISTINCT item_type) FROM made),
  'byYear', coalesce((SELECT json_agg(json_build_object('year', year, 'items', items, 'units', units, 'abroad', abroad) ORDER BY year)
                      FROM (SELECT extract(year FROM documented_on)::integer AS year, count(*) AS items, sum(quantity) AS units,
                                   count(*) FILTER (WHERE country_iso3 <> (:iso3)::char(3)) AS abroad
                            FROM made GROUP BY 1) AS x), '[]'::json),
  'caseCount', (SELECT count(*) FROM cases),
  -- Real records first, then the demo cases with most of its items.
  'cases', coalesce((SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'mechanism', x.mechanism, 'iso3', x.country_iso3,
                              'synthetic', x.synthetic, 'items', x.items,
                              'parties', coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'role', cp.role,
                                                      'redFlag', p.red_flag, 'redFlagReason', p.red_flag_reason) ORDER BY cp.role, p.name)
                                                   FROM atlas.case_parties cp JOIN atlas.parties p ON p.id = cp.party_id
                                                   WHERE cp.case_id = x.id), '[]'::json))
                              ORDER BY x.synthetic, x.items DESC, x.id)
                     FROM (SELECT * FROM cases ORDER BY synthetic, items DESC, id LIMIT (:top)::int) AS x), '[]'::json),
  -- Requests issued per year to this country, to its region and to all: the share answered.
  'traceByYear', coalesce((SELECT json_agg(row_to_json(x) ORDER BY x.year)
                           FROM (SELECT year AS "year",
                                   count(*) FILTER (WHERE recipient_iso3 = (:iso3)::char(3)) AS "requests",
                                   count(class) FILTER (WHERE recipient_iso3 = (:iso3)::char(3)) AS "responses",
                                   count(*) FILTER (WHERE region = (SELECT region FROM home)) AS "regionRequests",
                                   count(class) FILTER (WHERE region = (SELECT region FROM home)) AS "regionResponses",
                                   count(*) AS "worldRequests", count(class) AS "worldResponses"
                                 FROM requests GROUP BY year
                                 HAVING count(*) FILTER (WHERE recipient_iso3 = (:iso3)::char(3)) > 0) AS x), '[]'::json),
  'region', (SELECT region FROM home),
  'flaggedCount', (SELECT count(DISTINCT ch.party_id) FROM chain ch JOIN atlas.parties p ON p.id = ch.party_id WHERE p.red_flag),
  'flagged', coalesce((SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'iso3', p.country_iso3,
                                'synthetic', p.synthetic, 'redFlag', p.red_flag, 'redFlagReason', p.red_flag_reason,
                                'consignments', x.consignments, 'cases', x.cases) ORDER BY p.synthetic, x.cases + x.consignments DESC, p.name)
                       FROM (SELECT party_id, count(DISTINCT consignment_id) AS consignments, count(DISTINCT case_id) AS cases
                             FROM chain GROUP BY party_id) AS x
                       JOIN atlas.parties p ON p.id = x.party_id
                       WHERE p.red_flag), '[]'::json)
) AS producer
