-- The request facts (022) kept by plans that cannot turn quadratic on stale statistics.
-- refresh_request_item_facts(ids) joined `trace_request_items WHERE item_id = ANY(ids)` to
-- item_facts. When the seeder loads the demo data and builds the facts in one transaction,
-- both tables still have the statistics of when they were empty, and for the full rebuild
-- (every item id) the planner chose a nested loop of two sequential scans: every link against
-- every fact. Measured on native PostgreSQL 15: 72 s of a 117 s seed at scale 1; the scale-10
-- seed (880k items) ran for over an hour where it had taken under two minutes before 022.
--
-- A large set of ids (the full rebuild, a bulk import or edit) now goes through hash joins
-- only (enable_nestloop = off for that function): linear in the tables whatever the planner
-- believes their sizes are. A small set (the everyday change of a few items) keeps the
-- planner's choice, index probes per id, where a wrong estimate costs at most the few ids
-- times a table. Forcing index probes for every set instead was linear too, but 40 % slower
-- for the full rebuild at scale 1 (26 s against 18.5 s with good statistics).
CREATE OR REPLACE FUNCTION atlas.refresh_request_item_facts_in_bulk(ids integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_catalog
  SET enable_nestloop = off
  AS $$
BEGIN
  DELETE FROM atlas.request_item_facts r
  USING (SELECT DISTINCT unnest(ids) AS item_id) AS w
  WHERE r.item_id = w.item_id;
  INSERT INTO atlas.request_item_facts (request_id, item_id, geom_3857, documented_on, country_iso3, category, item_type,
    made_in_iso3, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids, consignment_id,
    item_visibility, place_visibility, chain_visibility)
  SELECT ri.request_id, f.item_id, f.geom_3857, f.documented_on, f.country_iso3, f.category, f.item_type,
    f.made_in_iso3, f.manufacturer_id, f.holding_party_id, f.response_classes, f.marking_state, f.case_ids, f.consignment_id,
    f.item_visibility, f.place_visibility, i.chain_visibility
  FROM (SELECT DISTINCT unnest(ids) AS item_id) AS w
  JOIN atlas.trace_request_items ri ON ri.item_id = w.item_id
  JOIN atlas.item_facts f ON f.item_id = w.item_id
  JOIN atlas.items i ON i.id = w.item_id
  ORDER BY 1, 2;
END $$;

CREATE OR REPLACE FUNCTION atlas.refresh_request_item_facts(ids integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- Past a few thousand ids a hash of each table costs less than probing it per id anyway.
  IF cardinality(ids) > 5000 THEN
    PERFORM atlas.refresh_request_item_facts_in_bulk(ids);
    RETURN;
  END IF;
  DELETE FROM atlas.request_item_facts WHERE item_id = ANY(ids);
  INSERT INTO atlas.request_item_facts (request_id, item_id, geom_3857, documented_on, country_iso3, category, item_type,
    made_in_iso3, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids, consignment_id,
    item_visibility, place_visibility, chain_visibility)
  SELECT ri.request_id, f.item_id, f.geom_3857, f.documented_on, f.country_iso3, f.category, f.item_type,
    f.made_in_iso3, f.manufacturer_id, f.holding_party_id, f.response_classes, f.marking_state, f.case_ids, f.consignment_id,
    f.item_visibility, f.place_visibility, i.chain_visibility
  FROM atlas.trace_request_items ri
  JOIN atlas.item_facts f ON f.item_id = ri.item_id
  JOIN atlas.items i ON i.id = ri.item_id
  WHERE ri.item_id = ANY(ids)
  ORDER BY 1, 2;
END $$;
