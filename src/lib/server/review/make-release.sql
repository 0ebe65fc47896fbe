-- Makes the next data release in the review step's transaction (db/migrations/023), so the
-- published change and the release that names it commit together.
-- :summary  text  what the editor says the release publishes
-- Columns: number integer, the new release
SELECT atlas.publish_release(:summary::text) AS number
