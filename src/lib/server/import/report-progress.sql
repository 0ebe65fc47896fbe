-- How far a run has come. :id, :phase ('reading', 'checking' or 'writing'), :processed
-- (rows read or checked), :bytes_read.
UPDATE atlas.import_reports SET phase = :phase, processed = :processed, bytes_read = :bytes_read
WHERE id = :id AND status = 'running'
