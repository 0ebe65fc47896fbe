-- The latest data release (db/migrations/023): what a citation of the current view names.
-- No parameters.
-- Columns: number integer, released_on text (YYYY-MM-DD, UTC). No row before the first release.
SELECT r.number, to_char(r.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS released_on
FROM atlas.data_releases r
ORDER BY r.number DESC
LIMIT 1
