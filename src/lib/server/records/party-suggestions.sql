-- Parties to suggest as the reader types in the filter panel: those that made (role
-- 'manufacturer') or held (role 'group') visible items, whose name contains the text,
-- most items first. Counts come from atlas.item_facts, which row security filters.
-- Parameters:
--   :role text     'manufacturer' | 'group'
--   :query text     the typed text ('' for the top parties)
--   :limit integer  the most suggestions
--   :ids int[]    ids to name instead of a text search (a chosen party restored from a link)
-- Columns:
--   id, name, iso3, kind  the party
--   items                 integer  visible items naming the party in that role
SELECT p.id, p.name, p.country_iso3 AS iso3, p.kind::text AS kind, n.items
FROM (
  SELECT CASE WHEN :role = 'manufacturer' THEN f.manufacturer_id ELSE f.holding_party_id END AS party_id,
    count(*)::integer AS items
  FROM atlas.item_facts f
  GROUP BY 1
) AS n
JOIN atlas.parties p ON p.id = n.party_id
-- strpos, not LIKE: the reader's '%' and '_' are plain characters here.
WHERE CASE WHEN cardinality(:ids::int[]) > 0 THEN p.id = ANY(:ids::int[]) ELSE strpos(lower(p.name), lower(:query)) > 0 END
ORDER BY n.items DESC, p.name, p.id
LIMIT :limit
