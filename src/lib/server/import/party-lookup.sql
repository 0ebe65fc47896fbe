-- The parties an import row names, found by name (any case).
-- :names  JSON array of { name, role }: role 'manufacturer' (an item's maker: parties of
--         kind manufacturer) or 'holder' (an event's holding party: any kind but manufacturer).
-- Output: name, role, matches (how many parties carry the name), id (the one, when one does).
SELECT n.name, n.role, count(p.id)::int AS matches, min(p.id) AS id
FROM json_to_recordset(:names::text::json) AS n(name text, role text)
LEFT JOIN atlas.parties p ON lower(p.name) = lower(n.name)
  AND (p.kind = 'manufacturer') = (n.role = 'manufacturer')
GROUP BY n.name, n.role
