-- Documented items matching the Filter, aggregated along every chart dimension in one scan.
-- Parameters: :filter (Filter condition over item_facts f).
-- Columns: dimension ('total' | 'year' | 'category' | 'type' | 'made_in' | 'decade'), value,
--          label (country name for made_in), items, units, sites, cases (total only),
--          weapons_aged (weapons with a known year), over10, over20, over30 (older at recovery).
WITH matching AS (
  SELECT f.site_id, f.quantity, f.case_ids, f.category::text AS category, f.item_type, f.made_in_iso3::text AS made_in,
    extract(year FROM f.documented_on)::int AS year,
    CASE WHEN f.category = 'weapon' THEN (f.year_made / 10) * 10 END AS decade,
    CASE WHEN f.category = 'weapon' THEN extract(year FROM f.documented_on)::int - f.year_made END AS age
  FROM atlas.item_facts f
  WHERE :filter
),
grouped AS (
  SELECT grouping(year, category, item_type, made_in, decade) AS g, year, category, item_type, made_in, decade,
    count(*)::int AS items, sum(quantity)::float8 AS units, count(DISTINCT site_id)::int AS sites,
    count(age)::int AS weapons_aged,
    count(*) FILTER (WHERE age > 10)::int AS over10,
    count(*) FILTER (WHERE age > 20)::int AS over20,
    count(*) FILTER (WHERE age > 30)::int AS over30
  FROM matching
  GROUP BY GROUPING SETS ((), (year), (category), (item_type), (made_in), (decade))
)
SELECT CASE g WHEN 31 THEN 'total' WHEN 15 THEN 'year' WHEN 23 THEN 'category' WHEN 27 THEN 'type'
         WHEN 29 THEN 'made_in' ELSE 'decade' END AS dimension,
  coalesce(year::text, category, item_type, made_in, decade::text) AS value, c.name AS label,
  items, units, sites, weapons_aged, over10, over20, over30,
  CASE WHEN g = 31 THEN (SELECT count(DISTINCT id)::int FROM matching, unnest(case_ids) AS id) END AS cases
FROM grouped LEFT JOIN atlas.countries c ON g = 29 AND c.iso3 = grouped.made_in
WHERE g = 31 OR coalesce(year::text, category, item_type, made_in, decade::text) IS NOT NULL
ORDER BY dimension, items DESC, value
