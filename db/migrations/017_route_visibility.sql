-- A route shows only when its consignment, its case and its recovery site may: its line
-- ends at the site and its attributes name the consignment and the case, so before this a
-- public route under a draft consignment, case or site printed their ids and located the
-- site. Its own visibility still decides under the consignment's origin partition (008).
-- The subqueries are themselves filtered by those tables' policies, so partners and staff
-- keep their partitions. Routes are few (about 2,000 at scale 10): EXISTS per row is cheap.
DROP POLICY IF EXISTS visible_to_viewer ON atlas.routes;
CREATE POLICY visible_to_viewer ON atlas.routes FOR SELECT TO atlas_reader
  USING (atlas.can_see(visibility, (SELECT c.origin_iso3 FROM atlas.consignments c WHERE c.id = consignment_id))
    AND (consignment_id IS NULL OR EXISTS (SELECT 1 FROM atlas.consignments c WHERE c.id = consignment_id))
    AND (case_id IS NULL OR EXISTS (SELECT 1 FROM atlas.diversion_cases d WHERE d.id = case_id))
    AND EXISTS (SELECT 1 FROM atlas.sites s WHERE s.id = site_id));
