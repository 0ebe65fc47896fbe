-- The day the published data last changed: the date an embed shows when no release is named.
-- Parameters: none.
-- Columns:
--   changed_on  text  YYYY-MM-DD (UTC) of atlas.data_version.changed_at
SELECT to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS changed_on FROM atlas.data_version
