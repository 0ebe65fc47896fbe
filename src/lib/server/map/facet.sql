-- Counts of matching items per value of one facet, for the filter panel's lists.
-- Parameters: :filter (the Filter without this facet's own key, over item_facts f),
--             :values (a LATERAL source yielding the facet's value(s) of f), :limit.
-- Columns: value, label (country name for country facets, else null), count.
SELECT v.value, c.name AS label, count(*)::int AS count
FROM atlas.item_facts f
CROSS JOIN LATERAL :values AS v(value)
LEFT JOIN atlas.countries c ON c.iso3 = v.value
WHERE :filter AND v.value IS NOT NULL
GROUP BY v.value, c.name
ORDER BY count(*) DESC, v.value
LIMIT :limit
