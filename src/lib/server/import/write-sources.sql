-- Adds the sources an import names that the database does not hold yet.
-- :rows  JSON array of { id, name, kind, citation, url } (id: the file's source_id).
-- Output: added (how many rows were inserted).
WITH added AS (
  INSERT INTO atlas.sources (external_id, name, kind, citation, url)
  SELECT r.id, r.name, r.kind::atlas.source_kind, r.citation, r.url
  FROM json_to_recordset(:rows::text::json) AS r(id text, name text, kind text, citation text, url text)
  ON CONFLICT (external_id) WHERE external_id IS NOT NULL DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS added FROM added
