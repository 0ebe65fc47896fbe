-- Documented items matching the Filter, aggregated along every chart dimension in one scan.
-- Parameters: :filter (Filter condition over item_facts f; used twice).
-- Columns: dimension ('total' | 'year' | 'category' | 'type' | 'made_in' | 'decade' | 'group'),
--          value, label (country name for made_in, party name for group), items, units, sites and cases (total only),
--          weapons_aged (weapons with a known year), over10, over20, over30 (older at recovery).
-- A subquery rather than a CTE: PGlite materialising 80,000 rows doubled the time.
-- Sites are counted as the groups of a (site_id) grouping set of the same scan.
WITH grouped AS (
  -- Each grouping set is named by the one column it groups by (grouping(col) = 0), not by a
  -- bitmask of all of them: a new dimension is one more set and one more WHEN, and every
  -- other set keeps its name.
  SELECT CASE WHEN grouping(site_id) = 0 THEN 'site' WHEN grouping(year) = 0 THEN 'year'
           WHEN grouping(category) = 0 THEN 'category' WHEN grouping(item_type) = 0 THEN 'type'
           WHEN grouping(made_in) = 0 THEN 'made_in' WHEN grouping(decade) = 0 THEN 'decade'
           WHEN grouping(holder) = 0 THEN 'group' ELSE 'total' END AS dimension,
    year, category, item_type, made_in, decade, holder,
    count(*)::int AS items, sum(quantity)::float8 AS units,
    count(age)::int AS weapons_aged,
    count(*) FILTER (WHERE age > 10)::int AS over10,
    count(*) FILTER (WHERE age > 20)::int AS over20,
    count(*) FILTER (WHERE age > 30)::int AS over30
  FROM (
    SELECT f.site_id, f.quantity, f.category::text AS category, f.item_type, f.made_in_iso3::text AS made_in, f.holding_party_id::text AS holder,
      extract(year FROM f.documented_on)::int AS year,
      CASE WHEN f.category = 'weapon' THEN (f.year_made / 10) * 10 END AS decade,
      CASE WHEN f.category = 'weapon' THEN extract(year FROM f.documented_on)::int - f.year_made END AS age
    FROM atlas.item_facts f
    WHERE :filter
  ) AS matching
  GROUP BY GROUPING SETS ((), (year), (category), (item_type), (made_in), (decade), (holder), (site_id))
)
SELECT dimension,
  coalesce(year::text, category, item_type, made_in, decade::text, holder) AS value, coalesce(c.name, p.name) AS label,
  items, units, weapons_aged, over10, over20, over30,
  CASE WHEN dimension = 'total' THEN (SELECT count(*)::int FROM grouped WHERE dimension = 'site') END AS sites,
  -- Distinct cases as a DISTINCT over unnest() in the select list: count(DISTINCT ...)
  -- sorts, and a LATERAL unnest costs a function scan per item.
  -- case_ids holds every case (015): only those the viewer may see count.
  CASE WHEN dimension = 'total' THEN (SELECT count(*)::int FROM (SELECT DISTINCT unnest(f.case_ids) AS id FROM atlas.item_facts f WHERE :filter) AS c
    JOIN atlas.diversion_cases d ON d.id = c.id) END AS cases
FROM grouped
LEFT JOIN atlas.countries c ON dimension = 'made_in' AND c.iso3 = grouped.made_in
LEFT JOIN atlas.parties p ON dimension = 'group' AND p.id = grouped.holder::int
WHERE dimension <> 'site' AND (dimension = 'total' OR coalesce(year::text, category, item_type, made_in, decade::text, holder) IS NOT NULL)
  -- A holding party hidden from the viewer is not named, not even by its id.
  AND (dimension <> 'group' OR p.id IS NOT NULL)
ORDER BY dimension, items DESC, value
