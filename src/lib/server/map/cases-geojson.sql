-- Diversion cases with items matching the Filter, placed at the centre of their sites.
-- Parameters: :filter (over item_facts f), :bbox (condition on f.geom_3857),
--             :feature (one case, on f.case_ids and c.case_id, or TRUE), :limit, :offset.
-- Columns: id, title, mechanism, iso3, items (matching), synthetic, geometry (GeoJSON), matched.
WITH per_case AS (
  SELECT c.case_id, count(*)::int AS items
  FROM atlas.item_facts f CROSS JOIN LATERAL unnest(f.case_ids) AS c(case_id)
  WHERE :filter AND :bbox AND :feature
  GROUP BY c.case_id
)
SELECT d.id, d.title, d.mechanism::text AS mechanism, d.country_iso3::text AS iso3, p.items, d.synthetic,
  (SELECT ST_AsGeoJSON(ST_Centroid(ST_Collect(s.geom)), 5) FROM atlas.case_sites cs JOIN atlas.sites s ON s.id = cs.site_id
   WHERE cs.case_id = d.id) AS geometry,
  (count(*) OVER ())::int AS matched
FROM per_case p JOIN atlas.diversion_cases d ON d.id = p.case_id
ORDER BY p.items DESC, d.id
LIMIT :limit OFFSET :offset
