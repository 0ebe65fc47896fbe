-- What a request pinned to a release can be answered with, in one round trip: the answer kept
-- for it (db/migrations/024_release_answers.sql), and whether the release can answer live.
-- Parameters: :release integer, :answer_key text (path and canonical query, pinned-request.ts).
-- Columns: public_version text (the public data version while the release answers live, else
-- null), data_version text (as this snapshot sees it), then the kept answer or nulls: status
-- smallint, content_type text, content_disposition text, body bytea (gzip), etag text.
SELECT live.public_version::text AS public_version, live.data_version::text AS data_version,
       kept.status, kept.content_type, kept.content_disposition, kept.body, kept.etag
FROM atlas.release_answers_live(:release) live
LEFT JOIN atlas.kept_release_answer(:release, :answer_key) kept ON true
