-- Documented items matching the Filter, aggregated along every chart dimension in one scan.
-- Parameters: :filter (Filter condition over item_facts f; used three times).
-- Columns: dimension ('total' | 'year' | 'category' | 'type' | 'made_in' | 'decade' | 'group'),
--          value, label (country name for made_in, party name for group), items, units, sites and cases (total only),
--          weapons_aged (weapons with a known year), over10, over20, over30 (older at recovery).
-- A subquery rather than a CTE: PGlite materialising 80,000 rows doubled the time.
WITH grouped AS (
  SELECT grouping(year, category, item_type, made_in, decade, holder) AS g, year, category, item_type, made_in, decade, holder,
    count(*)::int AS items, sum(quantity)::float8 AS units,
    count(age)::int AS weapons_aged,
    count(*) FILTER (WHERE age > 10)::int AS over10,
    count(*) FILTER (WHERE age > 20)::int AS over20,
    count(*) FILTER (WHERE age > 30)::int AS over30
  FROM (
    SELECT f.quantity, f.category::text AS category, f.item_type, f.made_in_iso3::text AS made_in, f.holding_party_id::text AS holder,
      extract(year FROM f.documented_on)::int AS year,
      CASE WHEN f.category = 'weapon' THEN (f.year_made / 10) * 10 END AS decade,
      CASE WHEN f.category = 'weapon' THEN extract(year FROM f.documented_on)::int - f.year_made END AS age
    FROM atlas.item_facts f
    WHERE :filter
  ) AS matching
  GROUP BY GROUPING SETS ((), (year), (category), (item_type), (made_in), (decade), (holder))
)
SELECT CASE g WHEN 63 THEN 'total' WHEN 31 THEN 'year' WHEN 47 THEN 'category' WHEN 55 THEN 'type'
         WHEN 59 THEN 'made_in' WHEN 61 THEN 'decade' ELSE 'group' END AS dimension,
  coalesce(year::text, category, item_type, made_in, decade::text, holder) AS value, coalesce(c.name, p.name) AS label,
  items, units, weapons_aged, over10, over20, over30,
  -- Distinct counts only for the total, as hashed DISTINCT subqueries: count(DISTINCT ...)
  -- sorts, which took three times as long here.
  CASE WHEN g = 63 THEN (SELECT count(*)::int FROM (SELECT DISTINCT f.site_id FROM atlas.item_facts f WHERE :filter) AS s) END AS sites,
  CASE WHEN g = 63 THEN (SELECT count(*)::int FROM (SELECT DISTINCT id FROM atlas.item_facts f, unnest(f.case_ids) AS id WHERE :filter) AS c) END AS cases
FROM grouped
LEFT JOIN atlas.countries c ON g = 59 AND c.iso3 = grouped.made_in
LEFT JOIN atlas.parties p ON g = 62 AND p.id = grouped.holder::int
WHERE g = 63 OR coalesce(year::text, category, item_type, made_in, decade::text, holder) IS NOT NULL
ORDER BY dimension, items DESC, value
