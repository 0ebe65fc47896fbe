-- Documented items matching the Filter, aggregated along every chart dimension in one scan.
-- Parameters: :filter (Filter condition over item_facts f; used twice).
-- Columns: dimension ('total' | 'year' | 'category' | 'type' | 'made_in' | 'decade' | 'group'),
--          value, label (country name for made_in, party name for group), items, units, sites and cases (total only),
--          weapons_aged (weapons with a known year), over10, over20, over30 (older at recovery).
-- A subquery rather than a CTE: PGlite materialising 80,000 rows doubled the time.
-- Sites are counted as the groups of a (site_id) grouping set of the same scan.
WITH grouped AS (
  SELECT grouping(year, category, item_type, made_in, decade, holder) AS g, grouping(site_id) AS by_site,
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
SELECT CASE g WHEN 63 THEN 'total' WHEN 31 THEN 'year' WHEN 47 THEN 'category' WHEN 55 THEN 'type'
         WHEN 59 THEN 'made_in' WHEN 61 THEN 'decade' ELSE 'group' END AS dimension,
  coalesce(year::text, category, item_type, made_in, decade::text, holder) AS value, coalesce(c.name, p.name) AS label,
  items, units, weapons_aged, over10, over20, over30,
  CASE WHEN g = 63 THEN (SELECT count(*)::int FROM grouped WHERE by_site = 0) END AS sites,
  -- Distinct cases as a DISTINCT over unnest() in the select list: count(DISTINCT ...)
  -- sorts, and a LATERAL unnest costs a function scan per item.
  CASE WHEN g = 63 THEN (SELECT count(*)::int FROM (SELECT DISTINCT unnest(f.case_ids) FROM atlas.item_facts f WHERE :filter) AS c) END AS cases
FROM grouped
LEFT JOIN atlas.countries c ON g = 59 AND c.iso3 = grouped.made_in
LEFT JOIN atlas.parties p ON g = 62 AND p.id = grouped.holder::int
WHERE by_site = 1 AND (g = 63 OR coalesce(year::text, category, item_type, made_in, decade::text, holder) IS NOT NULL)
ORDER BY dimension, items DESC, value
