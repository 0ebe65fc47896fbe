-- High-risk destinations: the recipients (states, state forces, companies, brokers) of
-- deliveries that were later documented in conflict, ranked by items, with the evidence.
-- "Documented in conflict" is read from the chain the portal maps: an item that came in a
-- consignment is documented in conflict when a documentation event records it at a recovery
-- site in a conflict-affected country; a transfer of that consignment delivered it to the
-- recipient when the item was documented on or after the transfer was shipped (or the
-- shipment has no date). Row security hides hidden parties, transfers, consignments, items
-- and cases alike, so a hidden destination leaves no id in the answer.
-- Parameters:
--   :documented  the Filter {made_in, from, to} over item_facts f (filter-sql.ts): which
--                documented items count (country of manufacture, day of documentation)
--   :shown       integer  how many transfers, items and cases each destination lists as evidence
--                (real records first); its figures count them all
-- Columns:
--   answer  json  HighRiskDestinations without its scope (src/lib/api/records.ts)
WITH documented AS (
  SELECT f.item_id, f.consignment_id, f.site_id, f.country_iso3, f.documented_on, f.quantity, f.case_ids,
         f.item_type, f.category, f.made_in_iso3, f.synthetic
  FROM atlas.item_facts f
  JOIN atlas.countries c ON c.iso3 = f.country_iso3 AND c.conflict_affected
  WHERE f.consignment_id IS NOT NULL AND :documented
), delivered AS (
  -- One row per (transfer received, item of its consignment documented after it shipped).
  SELECT t.id AS transfer_id, t.to_party_id AS party_id, t.synthetic AS transfer_synthetic, d.*
  FROM atlas.transfers t
  JOIN atlas.consignments k ON k.id = t.consignment_id
  JOIN atlas.parties p ON p.id = t.to_party_id AND p.kind IN ('state', 'state_force', 'company', 'broker')
  JOIN documented d ON d.consignment_id = t.consignment_id
   AND d.documented_on >= coalesce(t.shipped_from, t.shipped_to, d.documented_on)
), item_rows AS (
  SELECT DISTINCT party_id, item_id, consignment_id, site_id, country_iso3, documented_on, quantity, item_type,
         category, made_in_iso3, synthetic, case_ids
  FROM delivered
), case_rows AS (
  -- The visible cases those items are in (the facts keep raw case ids: the join applies row security).
  SELECT i.party_id, x.id AS case_id, x.synthetic, count(*) AS items
  FROM item_rows i CROSS JOIN LATERAL unnest(i.case_ids) AS u(case_id)
  JOIN atlas.diversion_cases x ON x.id = u.case_id
  GROUP BY i.party_id, x.id, x.synthetic
), ranked AS (
  SELECT i.party_id,
         count(*) AS items,
         sum(i.quantity) AS units,
         count(DISTINCT i.consignment_id) AS consignments,
         (SELECT count(DISTINCT transfer_id) FROM delivered x WHERE x.party_id = i.party_id) AS transfers,
         (SELECT count(*) FROM case_rows c WHERE c.party_id = i.party_id) AS cases,
         bool_or(i.synthetic) AS items_synthetic
  FROM item_rows i GROUP BY i.party_id
), answer AS (
  SELECT r.*, p.name, p.kind, p.country_iso3, p.synthetic AS party_synthetic, p.red_flag, p.red_flag_reason,
         EXISTS (SELECT 1 FROM delivered x WHERE x.party_id = r.party_id AND x.transfer_synthetic)
           OR EXISTS (SELECT 1 FROM case_rows c WHERE c.party_id = r.party_id AND c.synthetic) AS rows_synthetic
  FROM ranked r JOIN atlas.parties p ON p.id = r.party_id
)
SELECT json_build_object(
  -- The countries of manufacture a reader can narrow by: every one with an item of a
  -- consignment documented in conflict, whatever the current narrowing.
  'madeInChoices', (SELECT coalesce(json_agg(json_build_object('iso3', c.iso3, 'name', c.name) ORDER BY c.name), '[]'::json)
                    FROM atlas.countries c WHERE EXISTS (
                      SELECT 1 FROM atlas.item_facts f JOIN atlas.countries r ON r.iso3 = f.country_iso3 AND r.conflict_affected
                      WHERE f.made_in_iso3 = c.iso3 AND f.consignment_id IS NOT NULL)),
  'synthetic', coalesce(bool_or(a.items_synthetic OR a.rows_synthetic), false),
  -- The list's N: distinct items and consignments (a consignment passed on by a state to a
  -- broker counts once here, and for each recipient in its row).
  'items', (SELECT count(DISTINCT item_id) FROM item_rows),
  'consignments', (SELECT count(DISTINCT consignment_id) FROM item_rows),
  'destinations', coalesce(json_agg(json_build_object(
    'id', a.party_id, 'name', a.name, 'kind', a.kind, 'iso3', a.country_iso3, 'synthetic', a.party_synthetic,
    'redFlag', a.red_flag, 'redFlagReason', a.red_flag_reason,
    'country', (SELECT json_build_object('iso3', c.iso3, 'name', c.name) FROM atlas.countries c WHERE c.iso3 = a.country_iso3),
    'items', a.items, 'units', a.units, 'consignments', a.consignments, 'transfers', a.transfers, 'cases', a.cases,
    -- Whether any row these figures count is synthetic: the figure's demo mark.
    'figuresSynthetic', a.items_synthetic OR a.rows_synthetic,
    'recoveredIn', (SELECT json_agg(json_build_object('iso3', c.iso3, 'name', c.name, 'items', x.items) ORDER BY x.items DESC, c.name)
                    FROM (SELECT country_iso3, count(*) AS items FROM item_rows WHERE party_id = a.party_id GROUP BY 1) AS x
                    JOIN atlas.countries c ON c.iso3 = x.country_iso3),
    'transfersReceived', (SELECT json_agg(json_build_object(
                             'id', x.transfer_id, 'consignment', json_build_object('id', k.id, 'reference', k.reference),
                             'from', CASE WHEN s.id IS NULL THEN NULL ELSE json_build_object('id', s.id, 'name', s.name,
                               'redFlag', s.red_flag, 'redFlagReason', s.red_flag_reason) END,
                             'shippedFrom', t.shipped_from, 'shippedTo', t.shipped_to, 'items', x.items, 'synthetic', t.synthetic)
                           ORDER BY t.synthetic, x.items DESC, t.id)
                          FROM (SELECT transfer_id, bool_or(transfer_synthetic) AS synthetic, count(*) AS items FROM delivered
                                WHERE party_id = a.party_id GROUP BY 1 ORDER BY 2, 3 DESC, 1 LIMIT (:shown)::int) AS x
                          JOIN atlas.transfers t ON t.id = x.transfer_id
                          JOIN atlas.consignments k ON k.id = t.consignment_id
                          LEFT JOIN atlas.parties s ON s.id = t.from_party_id),
    'documentedItems', (SELECT json_agg(json_build_object('id', i.item_id, 'itemType', i.item_type, 'category', i.category,
                           'madeIn', i.made_in_iso3, 'documentedOn', i.documented_on, 'consignmentId', i.consignment_id,
                           'site', json_build_object('id', s.id, 'name', s.name, 'iso3', s.country_iso3), 'synthetic', i.synthetic)
                         ORDER BY i.synthetic, i.documented_on DESC, i.item_id)
                        FROM (SELECT * FROM item_rows WHERE party_id = a.party_id
                              ORDER BY synthetic, documented_on DESC, item_id LIMIT (:shown)::int) AS i
                        JOIN atlas.sites s ON s.id = i.site_id),
    'caseList', coalesce((SELECT json_agg(json_build_object('id', x.id, 'title', x.title, 'mechanism', x.mechanism, 'iso3', x.country_iso3,
                    'items', c.items, 'synthetic', x.synthetic,
                    -- The roles in which the case names the destination; empty when it names it in none.
                    'roles', coalesce((SELECT json_agg(cp.role ORDER BY cp.role) FROM atlas.case_parties cp
                                       WHERE cp.case_id = x.id AND cp.party_id = a.party_id), '[]'::json))
                  ORDER BY x.synthetic, c.items DESC, x.id)
                 FROM (SELECT * FROM case_rows WHERE party_id = a.party_id ORDER BY synthetic, items DESC, case_id LIMIT (:shown)::int) AS c
                 JOIN atlas.diversion_cases x ON x.id = c.case_id), '[]'::json)
  ) ORDER BY a.items DESC, a.cases DESC, a.name, a.party_id), '[]'::json)
) AS answer
FROM answer a
