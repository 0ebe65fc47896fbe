-- Opens an import report before the file is read, so a page can follow it.
-- :file_name, :sha256, :bytes, :actor, :mode ('dry_run' or 'commit'), :checked (the dry
-- run a commit confirms, or null). Output: id.
INSERT INTO atlas.import_reports (file_name, sha256, bytes, actor, mode, checked_report_id)
VALUES (:file_name, :sha256, :bytes, :actor, :mode, :checked)
RETURNING id
