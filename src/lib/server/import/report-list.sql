-- The latest import reports, newest first. :limit. Output: id, file_name, actor, mode,
-- status, started_at (ISO text), rows_total, problem_count.
SELECT id, file_name, actor, mode, status,
  to_char(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at, rows_total, problem_count
FROM atlas.import_reports ORDER BY id DESC LIMIT :limit
