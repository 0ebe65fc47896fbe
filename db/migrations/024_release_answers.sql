-- Pinned releases (issue 18): a link with `release=N` answers as of release N after later
-- changes. Kept answers: while the public data is still release N's, a pinned request is
-- answered live and its answer body kept; once the data has moved on, the kept body is served.
--
-- "Still release N's" cannot be read from atlas.data_version: every draft or restricted edit
-- moves it, and staff edit drafts all day. atlas.public_data_version moves only when a change
-- may touch what the public sees: a row of a publishable table that is public before or after
-- the change, or any row of a table without visibility of its own (reference data and links,
-- which public answers may read). It over-counts (a public item under a draft site moves it),
-- never under-counts, so a kept answer can only be missed, never wrong. Each release records
-- the public version it was made at; release N can answer live while they are equal.

CREATE TABLE IF NOT EXISTS atlas.public_data_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL,
  -- The transaction that last moved it: once per transaction, like data_version (016).
  bumped_in bigint
);
INSERT INTO atlas.public_data_version (version) VALUES (1) ON CONFLICT DO NOTHING;
GRANT SELECT ON atlas.public_data_version TO atlas_reader;

ALTER TABLE atlas.data_releases ADD COLUMN IF NOT EXISTS public_version bigint;

-- Arguments: 'publishable' (the table has `visibility`: only public rows, before or after,
-- count) or 'every row'. Transition tables: new_rows (INSERT, UPDATE), old_rows (UPDATE, DELETE).
CREATE OR REPLACE FUNCTION atlas.bump_public_data_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  -- (Nested: a test is planned only when its transition table exists.)
  IF TG_OP <> 'TRUNCATE' THEN
    IF TG_ARGV[0] = 'publishable' THEN
      IF TG_OP = 'INSERT' THEN
        IF NOT EXISTS (SELECT 1 FROM new_rows WHERE visibility = 'public') THEN RETURN NULL; END IF;
      ELSIF TG_OP = 'DELETE' THEN
        IF NOT EXISTS (SELECT 1 FROM old_rows WHERE visibility = 'public') THEN RETURN NULL; END IF;
      ELSE
        IF NOT EXISTS (SELECT 1 FROM new_rows WHERE visibility = 'public')
           AND NOT EXISTS (SELECT 1 FROM old_rows WHERE visibility = 'public') THEN RETURN NULL; END IF;
      END IF;
    ELSIF TG_OP = 'DELETE' THEN
      IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    ELSE
      IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    END IF;
  END IF;
  UPDATE atlas.public_data_version SET version = version + 1, bumped_in = txid_current()
  WHERE bumped_in IS DISTINCT FROM txid_current();
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION atlas.bump_public_data_version() FROM PUBLIC;

-- The source tables of 016 (not item_facts or the rollups: they follow these in the same
-- transaction, so their statements add nothing).
DO $$
DECLARE
  t text;
  kind text;
BEGIN
  FOREACH t IN ARRAY ARRAY['countries', 'sources', 'reports', 'parties', 'sites', 'documentation_events',
    'items', 'item_photos', 'trace_requests', 'trace_request_items', 'trace_responses', 'trace_factors',
    'trace_response_factors', 'consignments', 'transfers', 'transfer_waypoints', 'routes', 'diversion_cases',
    'case_parties', 'case_items', 'case_sites', 'right_of_reply']
  LOOP
    kind := CASE WHEN t = ANY (atlas.release_record_kinds()) THEN 'publishable' ELSE 'every row' END;
    EXECUTE format('CREATE OR REPLACE TRIGGER public_version_insert AFTER INSERT ON atlas.%I
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_public_data_version(%L)', t, kind);
    EXECUTE format('CREATE OR REPLACE TRIGGER public_version_update AFTER UPDATE ON atlas.%I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_public_data_version(%L)', t, kind);
    EXECUTE format('CREATE OR REPLACE TRIGGER public_version_delete AFTER DELETE ON atlas.%I
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_public_data_version(%L)', t, kind);
    EXECUTE format('CREATE OR REPLACE TRIGGER public_version_truncate AFTER TRUNCATE ON atlas.%I
      FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_public_data_version(%L)', t, kind);
  END LOOP;
END $$;

-- A release is made at the public version its transaction left (publish_release inserts the
-- row after the changes it publishes, so they are counted in).
CREATE OR REPLACE FUNCTION atlas.release_public_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  NEW.public_version := (SELECT version FROM atlas.public_data_version);
  RETURN NEW;
END $$;
REVOKE EXECUTE ON FUNCTION atlas.release_public_version() FROM PUBLIC;
CREATE OR REPLACE TRIGGER release_public_version BEFORE INSERT ON atlas.data_releases
  FOR EACH ROW EXECUTE FUNCTION atlas.release_public_version();

-- A database migrated with releases already made: the latest one is the current public data
-- only if nothing at all has changed since it (its data version is still the current one).
UPDATE atlas.data_releases r SET public_version = (SELECT version FROM atlas.public_data_version)
WHERE r.public_version IS NULL
  AND r.number = (SELECT max(number) FROM atlas.data_releases)
  AND r.data_version = (SELECT version FROM atlas.data_version);

-- The kept answers: one public answer body per release and request (path and canonical
-- query), gzip-compressed. Internal: readers get them through kept_release_answer(), written
-- only through keep_release_answer(), which checks the release can still answer live.
CREATE TABLE IF NOT EXISTS atlas.release_answers (
  release integer NOT NULL REFERENCES atlas.data_releases (number),
  answer_key text NOT NULL,
  status smallint NOT NULL CHECK (status IN (200, 204)),
  -- The headers the answer is replayed with: content type and disposition (a download's name).
  content_type text,
  content_disposition text,
  -- gzip of the body as the endpoint sent it (empty for a 204).
  body bytea NOT NULL,
  raw_bytes integer NOT NULL CHECK (raw_bytes >= 0),
  etag text NOT NULL,
  kept_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (release, answer_key)
);

-- Whether release `number` can answer live: the public data is still what it published.
-- Output: the public version (NULL when the release cannot answer live) and the data version,
-- both as this snapshot sees them.
CREATE OR REPLACE FUNCTION atlas.release_answers_live(number integer)
  RETURNS TABLE (public_version bigint, data_version bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT (SELECT p.version FROM atlas.public_data_version p
             WHERE p.version = (SELECT r.public_version FROM atlas.data_releases r WHERE r.number = $1)),
           (SELECT v.version FROM atlas.data_version v)
  $$;

-- At most this many answers per release (every view, filter, tile and page a citation
-- warms): a bound on what requests with ever new parameters can make the table hold.
CREATE OR REPLACE FUNCTION atlas.release_answers_limit() RETURNS integer
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT 200000 $$;

-- Keeps one answer of release `number`, only if it was read as the public and the public data
-- is still the one of `at_public_version` (the version seen before the answer was read: equal
-- now, and the version only grows, so the answer read in between saw that data). Returns
-- whether it was kept (false: not the public, the data moved, or the release is full).
CREATE OR REPLACE FUNCTION atlas.keep_release_answer(number integer, at_public_version bigint, answer_key text,
    status smallint, content_type text, content_disposition text, body bytea, raw_bytes integer, etag text)
  RETURNS boolean
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  -- A partner's or staff's answer holds rows the public may not see: never kept.
  IF coalesce(current_setting('atlas.viewer_role', true), '') <> 'public' THEN RETURN false; END IF;
  IF (SELECT live.public_version FROM atlas.release_answers_live($1) live) IS DISTINCT FROM at_public_version THEN
    RETURN false;
  END IF;
  IF (SELECT count(*) FROM atlas.release_answers a WHERE a.release = $1) >= atlas.release_answers_limit() THEN
    RETURN false;
  END IF;
  INSERT INTO atlas.release_answers AS a (release, answer_key, status, content_type, content_disposition, body, raw_bytes, etag)
  VALUES ($1, $3, $4, $5, $6, $7, $8, $9)
  ON CONFLICT DO NOTHING;
  RETURN true;
END $$;

-- A kept answer, or no row.
CREATE OR REPLACE FUNCTION atlas.kept_release_answer(number integer, answer_key text)
  RETURNS TABLE (status smallint, content_type text, content_disposition text, body bytea, etag text)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT a.status, a.content_type, a.content_disposition, a.body, a.etag
    FROM atlas.release_answers a WHERE a.release = $1 AND a.answer_key = $2
  $$;

REVOKE EXECUTE ON FUNCTION atlas.release_answers_live(integer), atlas.keep_release_answer(integer, bigint, text, smallint, text, text, bytea, integer, text),
  atlas.kept_release_answer(integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION atlas.release_answers_live(integer), atlas.keep_release_answer(integer, bigint, text, smallint, text, text, bytea, integer, text),
  atlas.kept_release_answer(integer, text) TO atlas_reader;
