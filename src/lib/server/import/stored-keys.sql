-- Which of an import's external ids the database already holds.
-- :keys  JSON array of { kind, source, id }: kind 'source', 'site', 'event' or 'item';
--        source the file's source_id (sites, events and items are unique within it).
-- Output: kind, source, id, digest (items: the digest of the row that wrote them).
WITH k AS (SELECT * FROM json_to_recordset(:keys::text::json) AS k(kind text, source text, id text))
SELECT 'source' AS kind, k.source, k.id, NULL::text AS digest
FROM k JOIN atlas.sources s ON k.kind = 'source' AND s.external_id = k.id
UNION ALL
SELECT 'site', k.source, k.id, NULL
FROM k JOIN atlas.sources s ON s.external_id = k.source
JOIN atlas.sites t ON k.kind = 'site' AND t.external_source_id = s.id AND t.external_id = k.id
UNION ALL
SELECT 'event', k.source, k.id, NULL
FROM k JOIN atlas.sources s ON s.external_id = k.source
JOIN atlas.documentation_events e ON k.kind = 'event' AND e.source_id = s.id AND e.external_id = k.id
UNION ALL
SELECT 'item', k.source, k.id, i.import_digest
FROM k JOIN atlas.sources s ON s.external_id = k.source
JOIN atlas.items i ON k.kind = 'item' AND i.external_source_id = s.id AND i.external_id = k.id
