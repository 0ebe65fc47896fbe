-- Keeps a public answer of a release (atlas.keep_release_answer, migration 024: only for the
-- public viewer, only while the public data is still the one seen before the answer was read).
-- Parameters: :release integer, :public_version text (bigint as text), :answer_key text,
-- :status smallint, :content_type text or null, :content_disposition text or null,
-- :body bytea (gzip), :raw_bytes integer, :etag text.
-- Columns: kept boolean.
SELECT atlas.keep_release_answer(:release, :public_version::bigint, :answer_key, :status::smallint,
  :content_type, :content_disposition, :body, :raw_bytes, :etag) AS kept
