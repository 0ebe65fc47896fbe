-- Visible items linked to a set of search hits, the hits themselves left out: the same lot
-- number (compared normalised), the same order or contract number on another consignment,
-- and the same consignment. Each list is capped so a common lot cannot flood the answer.
-- Parameters (named slots, sqlTemplate):
--   hit_ids  integer[]  the items found by the search
--   cap      integer    the most ids per list
-- Columns:
--   same_lot, same_order, same_consignment  integer[]
WITH hit AS (
  -- Only a consignment the viewer may see links items: a hidden one is no evidence of theirs.
  SELECT i.id, (SELECT k.id FROM atlas.consignments k WHERE k.id = i.consignment_id) AS consignment_id,
    nullif(upper(regexp_replace(coalesce(i.lot_number, ''), '[\s-]', '', 'g')), '') AS lot
  FROM atlas.items i WHERE i.id = ANY(:hit_ids::int[])
), hit_orders AS (
  SELECT DISTINCT upper(regexp_replace(o.number, '[\s-]', '', 'g')) AS number
  FROM hit h
  JOIN atlas.consignments c ON c.id = h.consignment_id
  LEFT JOIN atlas.transfers t ON t.consignment_id = c.id
  CROSS JOIN LATERAL (VALUES (c.order_number), (c.contract_number), (t.order_number), (t.contract_number)) AS o (number)
  WHERE nullif(o.number, '') IS NOT NULL
), order_consignments AS (
  SELECT c.id FROM atlas.consignments c
  WHERE upper(regexp_replace(coalesce(c.order_number, ''), '[\s-]', '', 'g')) IN (SELECT number FROM hit_orders)
     OR upper(regexp_replace(coalesce(c.contract_number, ''), '[\s-]', '', 'g')) IN (SELECT number FROM hit_orders)
  UNION
  SELECT t.consignment_id FROM atlas.transfers t
  WHERE t.consignment_id IS NOT NULL
    AND (upper(regexp_replace(coalesce(t.order_number, ''), '[\s-]', '', 'g')) IN (SELECT number FROM hit_orders)
      OR upper(regexp_replace(coalesce(t.contract_number, ''), '[\s-]', '', 'g')) IN (SELECT number FROM hit_orders))
)
SELECT
  array(SELECT i.id FROM atlas.items i
        WHERE (SELECT count(*) FROM hit WHERE lot IS NOT NULL) > 0
          AND upper(regexp_replace(coalesce(i.lot_number, ''), '[\s-]', '', 'g')) IN (SELECT lot FROM hit WHERE lot IS NOT NULL)
          AND i.id <> ALL(:hit_ids::int[])
        ORDER BY i.id LIMIT :cap) AS same_lot,
  array(SELECT i.id FROM atlas.items i
        WHERE i.consignment_id IN (SELECT id FROM order_consignments)
          AND i.consignment_id NOT IN (SELECT consignment_id FROM hit WHERE consignment_id IS NOT NULL)
          AND i.id <> ALL(:hit_ids::int[])
        ORDER BY i.id LIMIT :cap) AS same_order,
  array(SELECT i.id FROM atlas.items i
        WHERE i.consignment_id IN (SELECT consignment_id FROM hit WHERE consignment_id IS NOT NULL)
          AND i.id <> ALL(:hit_ids::int[])
        ORDER BY i.id LIMIT :cap) AS same_consignment
