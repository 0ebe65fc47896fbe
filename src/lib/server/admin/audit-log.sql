-- One page of the audit log, newest first, for /admin/audit (read as atlas_admin).
-- :actor exact actor, compared case-blind, or null for any
-- :action one action word, or null
-- :table a table name, or null
-- :from first day (UTC, inclusive) or null
-- :to last day (UTC, inclusive) or null
-- :limit rows to return (the page asks one more than it shows, to know whether more follow)
-- :offset rows to skip
-- Output: id, at, actor, action, table_name, row_count, row_ids (the first 20), note.
SELECT id::text AS id, at, actor, action, table_name, row_count, row_ids[1:20]::text[] AS row_ids, note
FROM atlas.audit_log
WHERE (:actor::text IS NULL OR lower(actor) = lower(:actor::text))
  AND (:action::text IS NULL OR action = :action::text)
  AND (:table::text IS NULL OR table_name = :table::text)
  AND (:from::date IS NULL OR at >= (:from::date)::timestamp AT TIME ZONE 'UTC')
  AND (:to::date IS NULL OR at < ((:to::date) + 1)::timestamp AT TIME ZONE 'UTC')
ORDER BY at DESC, id DESC
LIMIT :limit::int OFFSET :offset::int
