-- One consignment with its origin point: the first waypoint of its earliest transfer, or
-- the origin country's label point when no waypoint is recorded. No row = unknown or hidden.
-- Parameters:
--   :consignment_id integer  consignment id
-- Columns:
--   consignment   json  Consignment (src/lib/api/records.ts)
--   origin_point  json  {lon, lat, placeName} or null
--   goods         text  the item category with most visible units in it, related materiel
--                       (crates, magazines, packaging) only when nothing else is visible, or null
--   recipient     json  {id, name, kind, redFlag, redFlagReason} of the first transfer's receiving party, or null
-- (goods and recipient name the consignment in panels: "Ammunition for the Government of Iraq")
SELECT
  json_build_object(
    'id', c.id, 'reference', c.reference, 'description', c.description,
    'origin', CASE WHEN oc.iso3 IS NULL THEN NULL ELSE json_build_object('iso3', oc.iso3, 'name', oc.name) END,
    'orderNumber', c.order_number, 'contractNumber', c.contract_number, 'orderedOn', c.ordered_on,
    'synthetic', c.synthetic
  ) AS consignment,
  coalesce(
    (SELECT json_build_object('lon', ST_X(w.geom), 'lat', ST_Y(w.geom), 'placeName', w.place_name)
     FROM atlas.transfers t JOIN atlas.transfer_waypoints w ON w.transfer_id = t.id
     WHERE t.consignment_id = c.id
     -- The same order as atlas.derive_route_geom, so the origin is where the routes start.
     ORDER BY coalesce(t.shipped_from, '0001-01-01'::date), t.id, w.seq LIMIT 1),
    CASE WHEN oc.label_point IS NULL THEN NULL
         ELSE json_build_object('lon', ST_X(oc.label_point), 'lat', ST_Y(oc.label_point), 'placeName', NULL) END
  ) AS origin_point,
  (SELECT i.category::text FROM atlas.items i WHERE i.consignment_id = c.id
   GROUP BY i.category ORDER BY i.category = 'related', sum(i.quantity) DESC, i.category LIMIT 1) AS goods,
  (SELECT json_build_object('id', p.id, 'name', p.name, 'kind', p.kind, 'redFlag', p.red_flag, 'redFlagReason', p.red_flag_reason)
   FROM atlas.transfers t JOIN atlas.parties p ON p.id = t.to_party_id
   WHERE t.consignment_id = c.id
   ORDER BY coalesce(t.shipped_from, '0001-01-01'::date), t.id LIMIT 1) AS recipient
FROM atlas.consignments c
LEFT JOIN atlas.countries oc ON oc.iso3 = c.origin_iso3
WHERE c.id = :consignment_id
