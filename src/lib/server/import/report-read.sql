-- One import report, as its page shows it. :id. Output: every column of
-- atlas.import_reports, times as ISO text, and committed_by (the id of a commit report
-- that confirmed this dry run, if any).
SELECT r.id, r.file_name, r.sha256, r.bytes, r.format, r.actor, r.mode, r.status, r.phase,
  to_char(r.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS started_at,
  to_char(r.finished_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS finished_at,
  r.rows_total, r.processed, r.bytes_read, r.counts, r.problems, r.problem_count, r.checked_report_id,
  (SELECT c.id FROM atlas.import_reports c WHERE c.checked_report_id = r.id ORDER BY c.id DESC LIMIT 1) AS committed_by
FROM atlas.import_reports r WHERE r.id = :id
