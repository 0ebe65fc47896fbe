-- Closes an import report with what the run found (or wrote).
-- :id, :status, :format, :rows_total, :counts (JSON), :problems (JSON, at most the
-- stored number), :problem_count (all of them).
UPDATE atlas.import_reports SET status = :status, phase = 'done', format = :format, rows_total = :rows_total,
  processed = :rows_total, bytes_read = bytes, counts = :counts::text::jsonb, problems = :problems::text::jsonb,
  problem_count = :problem_count, finished_at = now()
WHERE id = :id
