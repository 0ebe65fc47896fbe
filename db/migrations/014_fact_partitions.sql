-- A fact is visible exactly when its item, its documentation event and its site are, each
-- under its own partition rule (008/013): the item's is the country of manufacture, the
-- event's and site's the site's country. Before this the facts took the least visibility
-- of the three under the item's partition, so a partner of the country of manufacture saw
-- facts at a restricted site of another country, which the sites and events tables hid.
--
-- item_visibility is the item's own; place_visibility is the event's chain visibility (the
-- least of event and site). `visibility` stays the least of all three: public readers and
-- the rollups use it as the one-column test for "public".
ALTER TABLE atlas.item_facts ADD COLUMN IF NOT EXISTS item_visibility atlas.visibility NOT NULL DEFAULT 'draft';
ALTER TABLE atlas.item_facts ADD COLUMN IF NOT EXISTS place_visibility atlas.visibility NOT NULL DEFAULT 'draft';

UPDATE atlas.item_facts f SET item_visibility = i.visibility, place_visibility = e.chain_visibility
FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
WHERE i.id = f.item_id;

DROP POLICY IF EXISTS visible_to_viewer ON atlas.item_facts;
CREATE POLICY visible_to_viewer ON atlas.item_facts FOR SELECT TO atlas_reader
  USING (atlas.can_see(item_visibility, made_in_iso3) AND atlas.can_see(place_visibility, country_iso3));

CREATE OR REPLACE FUNCTION atlas.refresh_item_facts() RETURNS void LANGUAGE sql AS $$
  DELETE FROM atlas.item_facts;
  -- Set-based (aggregate first, then join) so the plan is sound even on freshly loaded
  -- tables without statistics.
  WITH responses AS (
    SELECT ri.item_id, array_agg(coalesce(p.class::text, 'none') ORDER BY r.id) AS classes
    FROM atlas.trace_request_items ri
    JOIN atlas.trace_requests r ON r.id = ri.request_id AND r.visibility = 'public'
    LEFT JOIN atlas.trace_responses p ON p.request_id = r.id AND p.visibility = 'public'
    GROUP BY ri.item_id
  ), cases AS (
    SELECT ci.item_id, array_agg(ci.case_id ORDER BY ci.case_id) AS ids
    FROM atlas.case_items ci JOIN atlas.diversion_cases c ON c.id = ci.case_id AND c.visibility = 'public'
    GROUP BY ci.item_id
  )
  INSERT INTO atlas.item_facts (item_id, event_id, site_id, geom_3857, documented_on, country_iso3, category,
    item_type, made_in_iso3, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids,
    consignment_id, quantity, visibility, item_visibility, place_visibility, synthetic, year_made)
  SELECT i.id, e.id, s.id, s.geom_3857, e.documented_on, s.country_iso3, i.category, i.item_type,
    i.made_in_iso3, i.manufacturer_id, e.holding_party_id, coalesce(rs.classes, '{}'), i.marking_state,
    coalesce(cs.ids, '{}'), i.consignment_id, i.quantity,
    least(i.visibility, e.visibility, s.visibility), i.visibility, e.chain_visibility,
    i.synthetic, i.year_made
  FROM atlas.items i
  JOIN atlas.documentation_events e ON e.id = i.event_id
  JOIN atlas.sites s ON s.id = e.site_id
  LEFT JOIN responses rs ON rs.item_id = i.id
  LEFT JOIN cases cs ON cs.item_id = i.id
  -- Rows in space order: a tile reads neighbouring rows from neighbouring pages.
  ORDER BY ST_GeoHash(ST_Transform(s.geom_3857, 4326), 8), i.id;
$$;
