-- One data release by its number (a link's `release=N`).
-- Parameters: :number integer.
-- Columns: number integer, released_on text (YYYY-MM-DD, UTC). No row: no such release.
SELECT r.number, to_char(r.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS released_on
FROM atlas.data_releases r
WHERE r.number = :number
