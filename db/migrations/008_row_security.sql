-- Anonymous readers see public rows only; partners also see restricted rows in their
-- own partition; staff see everything. Enforced here, so no endpoint can leak a row by
-- forgetting a clause: web requests run as atlas_reader with the viewer set per request.
GRANT SELECT ON atlas.countries, atlas.sources, atlas.trace_factors, atlas.data_version,
  atlas.trace_request_items, atlas.trace_response_factors, atlas.transfer_waypoints,
  atlas.item_photos, atlas.case_parties, atlas.case_items, atlas.case_sites TO atlas_reader;

DO $$
DECLARE
  t text;
  partition_expr text;
  policies text[][] := ARRAY[
    ARRAY['reports', 'NULL::text'],
    ARRAY['parties', 'country_iso3'],
    ARRAY['sites', 'country_iso3'],
    ARRAY['documentation_events', '(SELECT s.country_iso3 FROM atlas.sites s WHERE s.id = site_id)'],
    ARRAY['items', 'made_in_iso3'],
    ARRAY['trace_requests', 'recipient_iso3'],
    ARRAY['trace_responses', '(SELECT r.recipient_iso3 FROM atlas.trace_requests r WHERE r.id = request_id)'],
    ARRAY['consignments', 'origin_iso3'],
    ARRAY['transfers', '(SELECT p.country_iso3 FROM atlas.parties p WHERE p.id = from_party_id)'],
    ARRAY['routes', '(SELECT c.origin_iso3 FROM atlas.consignments c WHERE c.id = consignment_id)'],
    ARRAY['diversion_cases', 'country_iso3'],
    ARRAY['right_of_reply', '(SELECT p.country_iso3 FROM atlas.parties p WHERE p.id = party_id)']
  ];
BEGIN
  FOR i IN 1 .. array_length(policies, 1) LOOP
    t := policies[i][1];
    partition_expr := policies[i][2];
    EXECUTE format('ALTER TABLE atlas.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT ON atlas.%I TO atlas_reader', t);
    EXECUTE format('DROP POLICY IF EXISTS visible_to_viewer ON atlas.%I', t);
    EXECUTE format('CREATE POLICY visible_to_viewer ON atlas.%I FOR SELECT TO atlas_reader
      USING (atlas.can_see(visibility, %s))', t, partition_expr);
  END LOOP;
END $$;
