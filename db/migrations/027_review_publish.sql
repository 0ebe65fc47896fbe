-- Review and publish (issue 20): the editors' writing role, what "verified" means for a case,
-- the log of when records were made visible (a partner's "new since your last visit"), the
-- partner's last visit, and the right-of-reply lock made to cover every path.
--
-- The state model (README, architecture): a record is imported as a draft (visibility
-- 'draft', unverified); an editor verifies it (documentation events: verification =
-- 'verified'; cases, which have no such column, a row in atlas.case_verifications); only a
-- verified draft can be published, which sets visibility 'public' or 'restricted' on the
-- event, its items and its site (or on the case) and makes a data release in the same
-- transaction; unpublishing sets it back to 'draft' (it stays verified) and makes a release
-- too, so a withdrawal is in the public log. No column is added to a publishable table: a
-- release fingerprints whole rows (023), and a new column would count every row as changed.

-- The role staff writes run as (SET LOCAL ROLE, like the web reader): a member of
-- atlas_reader, so it reads through the same row security (as the staff viewer), and may
-- change only the columns review changes. The triggers that keep facts, rollups and the
-- data version are SECURITY DEFINER; those that are not need the grants below (the chain
-- visibility cascade updates events and items).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_editor') THEN
    CREATE ROLE atlas_editor NOLOGIN;
  END IF;
END $$;
GRANT atlas_reader TO atlas_editor;
DO $$ BEGIN
  EXECUTE format('GRANT atlas_editor TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- already a member, or the cluster forbids it: SET ROLE tells
END $$;

GRANT UPDATE (visibility) ON atlas.sites, atlas.diversion_cases TO atlas_editor;
GRANT UPDATE (visibility, verification, chain_visibility) ON atlas.documentation_events TO atlas_editor;
GRANT UPDATE (visibility, chain_visibility) ON atlas.items TO atlas_editor;
GRANT INSERT (party_id, response_id, case_id, version, body, locked_on, visibility, synthetic),
  UPDATE (locked_on, visibility) ON atlas.right_of_reply TO atlas_editor;
-- No grant on the audit log: its trigger runs as its owner (025), so a writer cannot append
-- rows of its own.
REVOKE INSERT ON atlas.audit_log FROM atlas_editor;
-- An admin keeps users and the audit log and writes no evidence (an early draft of this
-- migration made it an editor too: undone wherever it ran).
REVOKE atlas_editor FROM atlas_admin;
GRANT EXECUTE ON FUNCTION atlas.publish_release(text) TO atlas_editor;

-- Row security: the reader policies (SELECT, TO atlas_reader) already apply to the editor
-- as a member; writing is allowed only while the transaction's viewer is staff.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['sites', 'documentation_events', 'items', 'diversion_cases', 'right_of_reply'] LOOP
    EXECUTE format('DROP POLICY IF EXISTS staff_reviews ON atlas.%I', t);
    EXECUTE format('CREATE POLICY staff_reviews ON atlas.%I FOR UPDATE TO atlas_editor
      USING (atlas.viewer_role() = %L) WITH CHECK (atlas.viewer_role() = %L)', t, 'staff', 'staff');
  END LOOP;
  DROP POLICY IF EXISTS staff_adds_replies ON atlas.right_of_reply;
  CREATE POLICY staff_adds_replies ON atlas.right_of_reply FOR INSERT TO atlas_editor
    WITH CHECK (atlas.viewer_role() = 'staff');
END $$;

-- A case is verified when an editor says so; cases have no verification column (see above).
CREATE TABLE IF NOT EXISTS atlas.case_verifications (
  case_id integer PRIMARY KEY REFERENCES atlas.diversion_cases (id),
  verified_at timestamptz NOT NULL DEFAULT now(),
  verified_by text NOT NULL
);
GRANT INSERT ON atlas.case_verifications TO atlas_editor;
-- Readable as its case is (no hidden case's id through it), as release_records (023).
GRANT SELECT ON atlas.case_verifications TO atlas_reader;
ALTER TABLE atlas.case_verifications ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.case_verifications;
CREATE POLICY visible_to_viewer ON atlas.case_verifications FOR SELECT TO atlas_reader
  USING (case_id IN (SELECT d.id FROM atlas.diversion_cases d));
DROP POLICY IF EXISTS staff_verifies ON atlas.case_verifications;
CREATE POLICY staff_verifies ON atlas.case_verifications FOR INSERT TO atlas_editor
  WITH CHECK (atlas.viewer_role() = 'staff');
-- audit_statement reads each row's `id`: this table's key is case_id, so give it one.
-- It runs as its owner, like audit_statement (025): no writer may append to the log itself.
CREATE OR REPLACE FUNCTION atlas.audit_case_verification() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  INSERT INTO atlas.audit_log (actor, action, table_name, row_count, row_ids, note)
  SELECT coalesce(nullif(current_setting('atlas.actor', true), ''), session_user), TG_OP, TG_TABLE_NAME,
         count(*), array_agg(case_id::bigint), nullif(current_setting('atlas.audit_note', true), '')
  FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION atlas.audit_case_verification() FROM PUBLIC;
DROP TRIGGER IF EXISTS audit_insert ON atlas.case_verifications;
CREATE TRIGGER audit_insert AFTER INSERT ON atlas.case_verifications
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas.audit_case_verification();

-- When an item or a case changed visibility: a partner's "new since your last visit" is
-- what was made visible to it after that visit. Only updates are logged: bulk loads insert
-- (the seed's rows are not news), imports insert drafts, and publishing is an update.
CREATE TABLE IF NOT EXISTS atlas.visibility_changes (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  record_kind text NOT NULL CHECK (record_kind IN ('items', 'diversion_cases')),
  record_id integer NOT NULL,
  visibility atlas.visibility NOT NULL,
  changed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS visibility_changes_at_idx ON atlas.visibility_changes (changed_at, record_kind);

CREATE OR REPLACE FUNCTION atlas.log_visibility_changes() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  INSERT INTO atlas.visibility_changes (record_kind, record_id, visibility)
  SELECT TG_TABLE_NAME, n.id, n.visibility
  FROM came n JOIN gone o ON o.id = n.id
  WHERE n.visibility IS DISTINCT FROM o.visibility;
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION atlas.log_visibility_changes() FROM PUBLIC;
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['items', 'diversion_cases'] LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER visibility_changes_log AFTER UPDATE ON atlas.%I
      REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.log_visibility_changes()', t);
  END LOOP;
END $$;

-- The log follows its record's row security, as release_records does (023): uncorrelated
-- subqueries, one hashed set per query.
GRANT SELECT ON atlas.visibility_changes TO atlas_reader;
ALTER TABLE atlas.visibility_changes ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.visibility_changes;
CREATE POLICY visible_to_viewer ON atlas.visibility_changes FOR SELECT TO atlas_reader
  USING ((record_kind = 'items' AND record_id IN (SELECT i.id FROM atlas.items i))
      OR (record_kind = 'diversion_cases' AND record_id IN (SELECT d.id FROM atlas.diversion_cases d)));

-- A partner authority's last visit to its dashboard, kept in the database (any instance
-- serves it). Written only through partner_visit(), which the web reader may call for the
-- partner it reads as: it answers the previous visit and records this one.
CREATE TABLE IF NOT EXISTS atlas.partner_visits (
  user_id integer PRIMARY KEY REFERENCES atlas.users (id) ON DELETE CASCADE,
  visited_at timestamptz NOT NULL
);
CREATE OR REPLACE FUNCTION atlas.partner_visit(account integer) RETURNS timestamptz
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  previous timestamptz;
BEGIN
  -- Only the partner the transaction reads as, so a reader cannot move another's visit.
  IF atlas.viewer_role() <> 'partner' OR NOT EXISTS (
    SELECT 1 FROM atlas.users u WHERE u.id = account AND u.partner_iso3 = atlas.viewer_country()) THEN
    RAISE EXCEPTION 'a partner records only its own visit' USING ERRCODE = 'insufficient_privilege';
  END IF;
  SELECT v.visited_at INTO previous FROM atlas.partner_visits v WHERE v.user_id = account;
  INSERT INTO atlas.partner_visits (user_id, visited_at) VALUES (account, now())
  ON CONFLICT (user_id) DO UPDATE SET visited_at = excluded.visited_at;
  RETURN previous;
END $$;
REVOKE EXECUTE ON FUNCTION atlas.partner_visit(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION atlas.partner_visit(integer) TO atlas_reader;

-- Right of reply (006): a locked version can be neither updated (its text, its date, its
-- lock) nor deleted, by row; these close the other paths.
-- TRUNCATE skips row triggers: refuse it while any version is locked.
CREATE OR REPLACE FUNCTION atlas.protect_locked_replies_from_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM atlas.right_of_reply WHERE locked_on IS NOT NULL) THEN
    RAISE EXCEPTION 'locked right-of-reply versions cannot be truncated' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER right_of_reply_locked_truncate BEFORE TRUNCATE ON atlas.right_of_reply
  FOR EACH STATEMENT EXECUTE FUNCTION atlas.protect_locked_replies_from_truncate();

-- A version is added, never slipped in: it must be the next number of its thread (the same
-- party about the same response and case), and a locked version is locked on a real day,
-- not in the future. The UNIQUE of 006 let two "version 2" rows in when response_id or
-- case_id is NULL (NULLs are distinct); this index treats them as the same thread.
CREATE UNIQUE INDEX IF NOT EXISTS right_of_reply_thread_version_idx
  ON atlas.right_of_reply (party_id, coalesce(response_id, 0), coalesce(case_id, 0), version);
-- Checked after the statement, over the threads it touched, so a loader may add versions 1
-- and 2 of a thread in one INSERT: each thread's versions must be 1, 2, ... with no gap.
CREATE OR REPLACE FUNCTION atlas.right_of_reply_versions_follow() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM came WHERE locked_on > current_date) THEN
    RAISE EXCEPTION 'a right-of-reply version cannot be locked in the future' USING ERRCODE = 'check_violation';
  END IF;
  IF EXISTS (
    SELECT 1 FROM atlas.right_of_reply r
    WHERE (r.party_id, coalesce(r.response_id, 0), coalesce(r.case_id, 0))
          IN (SELECT party_id, coalesce(response_id, 0), coalesce(case_id, 0) FROM came)
    GROUP BY r.party_id, coalesce(r.response_id, 0), coalesce(r.case_id, 0)
    HAVING max(r.version) <> count(*)) THEN
    RAISE EXCEPTION 'a right-of-reply version must be the next of its thread' USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS right_of_reply_next_version ON atlas.right_of_reply;
CREATE OR REPLACE TRIGGER right_of_reply_versions_follow AFTER INSERT ON atlas.right_of_reply
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.right_of_reply_versions_follow();
-- Locking an unlocked version fixes its text as it is: the same statement cannot change it.
CREATE OR REPLACE FUNCTION atlas.lock_keeps_reply_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.locked_on IS NOT NULL AND (NEW.body IS DISTINCT FROM OLD.body OR NEW.version <> OLD.version
      OR NEW.party_id <> OLD.party_id OR NEW.response_id IS DISTINCT FROM OLD.response_id
      OR NEW.case_id IS DISTINCT FROM OLD.case_id OR NEW.locked_on > current_date) THEN
    RAISE EXCEPTION 'a right-of-reply version is locked as it stands: lock it, then add a new version'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER right_of_reply_lock_keeps_text BEFORE UPDATE ON atlas.right_of_reply
  FOR EACH ROW WHEN (OLD.locked_on IS NULL) EXECUTE FUNCTION atlas.lock_keeps_reply_text();
