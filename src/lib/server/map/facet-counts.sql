-- Matching items per value of one or more facets counted under the same Filter, for the
-- filter panel's lists, in one scan: the facets whose own key is not in the Filter together;
-- a facet whose key is filtered on alone, under the Filter without its own key.
-- The facet lists are built from the key table (filter-columns.ts), fixed text, never input:
-- Parameters: :filter  (Filter condition over item_facts f),
--             :columns (select list over f: v0, v1 ... one value per item and facet with one
--                       value each; a0, a1 ... the array of each facet an item may hold several of),
--             :sets    (GROUPING SETS: one per one-value facet, and () for the grand total),
--             :facet   (the facet a row counts: CASE over grouping(vN) = 0; null in the total),
--             :value   (coalesce of the vN: the value a row counts),
--             :holding (int[] in the grand total: items holding each listed value of each array
--                       facet, counted there rather than by a second scan over unnest()),
--             :country_facets (text[]: the facets whose values are country codes).
-- Columns: facet, value, label (country name for country facets), count, holding.
SELECT g.facet, g.value, c.name AS label, g.count, g.holding
FROM (
  SELECT :facet AS facet, :value AS value, count(*)::int AS count, :holding AS holding
  FROM (SELECT :columns FROM atlas.item_facts f WHERE :filter) AS matching
  GROUP BY GROUPING SETS (:sets)
) AS g
LEFT JOIN atlas.countries c ON g.facet = ANY(:country_facets::text[]) AND c.iso3 = g.value
WHERE g.value IS NOT NULL OR g.facet IS NULL
ORDER BY g.facet, g.count DESC, g.value
