-- The release log, newest first, with each release's change counts and the corrections the
-- viewer may see (row security on atlas.corrections hides one naming a hidden record).
-- Parameters: :limit integer (how many releases).
-- Columns: number, released_on (YYYY-MM-DD, UTC), released_at (ISO text), summary, synthetic,
--   changes json [{kind, added, changed, withdrawn}] in the kinds' order,
--   corrections json [{id, kind, recordId, what, why}] by id.
SELECT r.number,
  to_char(r.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS released_on,
  to_char(r.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS released_at,
  r.summary, r.synthetic,
  coalesce((SELECT json_agg(json_build_object('kind', c.record_kind, 'added', c.added, 'changed', c.changed,
              'withdrawn', c.withdrawn) ORDER BY array_position(atlas.release_record_kinds(), c.record_kind))
            FROM atlas.release_changes c WHERE c.release = r.number), '[]'::json) AS changes,
  coalesce((SELECT json_agg(json_build_object('id', k.id, 'kind', k.record_kind, 'recordId', k.record_id,
              'what', k.what, 'why', k.why) ORDER BY k.id)
            FROM atlas.corrections k WHERE k.release = r.number), '[]'::json) AS corrections
FROM atlas.data_releases r
ORDER BY r.number DESC
LIMIT :limit
