-- Link tables follow their parents: a reader sees a link only when every row it joins is
-- visible to them (the subqueries are themselves filtered by the parents' policies, so
-- partners and staff keep their partitions). Before this, a photo URI or a case link of
-- a hidden item could be read on its own.
DO $$
DECLARE links text[][] := ARRAY[
  ARRAY['item_photos', 'EXISTS (SELECT 1 FROM atlas.items x WHERE x.id = item_id)'],
  ARRAY['trace_request_items', 'EXISTS (SELECT 1 FROM atlas.trace_requests x WHERE x.id = request_id) AND EXISTS (SELECT 1 FROM atlas.items y WHERE y.id = item_id)'],
  ARRAY['trace_response_factors', 'EXISTS (SELECT 1 FROM atlas.trace_responses x WHERE x.id = response_id)'],
  ARRAY['transfer_waypoints', 'EXISTS (SELECT 1 FROM atlas.transfers x WHERE x.id = transfer_id)'],
  ARRAY['case_parties', 'EXISTS (SELECT 1 FROM atlas.diversion_cases x WHERE x.id = case_id) AND EXISTS (SELECT 1 FROM atlas.parties y WHERE y.id = party_id)'],
  ARRAY['case_items', 'EXISTS (SELECT 1 FROM atlas.diversion_cases x WHERE x.id = case_id) AND EXISTS (SELECT 1 FROM atlas.items y WHERE y.id = item_id)'],
  ARRAY['case_sites', 'EXISTS (SELECT 1 FROM atlas.diversion_cases x WHERE x.id = case_id) AND EXISTS (SELECT 1 FROM atlas.sites y WHERE y.id = site_id)']];
BEGIN
  FOR i IN 1 .. array_length(links, 1) LOOP
    EXECUTE format('ALTER TABLE atlas.%I ENABLE ROW LEVEL SECURITY', links[i][1]);
    EXECUTE format('DROP POLICY IF EXISTS visible_to_viewer ON atlas.%I', links[i][1]);
    EXECUTE format('CREATE POLICY visible_to_viewer ON atlas.%I FOR SELECT TO atlas_reader USING (%s)', links[i][1], links[i][2]);
  END LOOP;
END $$;

CREATE INDEX IF NOT EXISTS transfer_waypoints_geom_idx ON atlas.transfer_waypoints USING gist (geom);
CREATE INDEX IF NOT EXISTS countries_label_point_idx ON atlas.countries USING gist (label_point);
