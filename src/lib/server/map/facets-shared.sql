-- Matching items per value of every list facet at once, for the facets whose own key is not
-- in the Filter (they are all counted under the same Filter, so one scan serves them all).
-- Parameters: :filter (Filter condition over item_facts f).
-- Columns: facet ('category' | 'type' | 'country' | 'made_in' | 'marking' | 'response'), value,
--          label (country name for country facets), count.
-- Response classes are an array per item: counted as items whose array holds the class (what
-- choosing it selects) in the grand-total set, rather than by a second scan over unnest().
WITH grouped AS (
  SELECT grouping(category, item_type, country, made_in, marking) AS g,
    coalesce(category, item_type, country, made_in, marking) AS value, count(*)::int AS count,
    count(*) FILTER (WHERE 'expansive' = ANY(responses))::int AS expansive,
    count(*) FILTER (WHERE 'permissive' = ANY(responses))::int AS permissive,
    count(*) FILTER (WHERE 'dissuasive' = ANY(responses))::int AS dissuasive,
    count(*) FILTER (WHERE 'none' = ANY(responses))::int AS unanswered
  FROM (
    SELECT f.category::text AS category, f.item_type, f.country_iso3::text AS country,
      f.made_in_iso3::text AS made_in, f.marking_state::text AS marking, f.response_classes AS responses
    FROM atlas.item_facts f
    WHERE :filter
  ) AS matching
  GROUP BY GROUPING SETS ((category), (item_type), (country), (made_in), (marking), ())
)
SELECT CASE g WHEN 15 THEN 'category' WHEN 23 THEN 'type' WHEN 27 THEN 'country' WHEN 29 THEN 'made_in' ELSE 'marking' END AS facet,
  value, c.name AS label, count
FROM grouped LEFT JOIN atlas.countries c ON g IN (27, 29) AND c.iso3 = grouped.value
WHERE g <> 31 AND value IS NOT NULL
UNION ALL
SELECT 'response', r.value, NULL, r.count
FROM grouped CROSS JOIN LATERAL (VALUES ('expansive', expansive), ('permissive', permissive), ('dissuasive', dissuasive), ('none', unanswered)) AS r(value, count)
WHERE g = 31 AND r.count > 0
ORDER BY facet, count DESC, value
