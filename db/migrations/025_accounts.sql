-- Accounts, sessions, sign-in throttling and the writer roles (issue 20).
-- Idempotent: every statement can run again on a database that already has it.

-- Account roles are the issue's: editor (import, review, publish), admin (users, audit) and
-- partner (an export-licensing authority of one country). They are text with a CHECK rather
-- than the old atlas.user_role enum: a value added to an enum cannot be used in the
-- transaction that adds it, and each migration is one transaction. Old values stay harmless:
-- 'staff' becomes 'editor', and a 'reader' account (which never had rights) becomes a
-- disabled editor, so no row gains a right it did not have.
ALTER TABLE atlas.users ALTER COLUMN role DROP DEFAULT;
ALTER TABLE atlas.users DROP CONSTRAINT IF EXISTS users_check;
ALTER TABLE atlas.users DROP CONSTRAINT IF EXISTS users_role_check;
ALTER TABLE atlas.users DROP CONSTRAINT IF EXISTS users_partner_check;
UPDATE atlas.users SET disabled = true WHERE role::text = 'reader' AND NOT disabled;
ALTER TABLE atlas.users ALTER COLUMN role TYPE text
  USING (CASE role::text WHEN 'staff' THEN 'editor' WHEN 'reader' THEN 'editor' ELSE role::text END);
ALTER TABLE atlas.users ADD CONSTRAINT users_role_check CHECK (role IN ('editor', 'admin', 'partner'));
ALTER TABLE atlas.users ADD CONSTRAINT users_partner_check CHECK ((role = 'partner') = (partner_iso3 IS NOT NULL));
DROP TYPE IF EXISTS atlas.user_role;
-- A one-time password (npm run user:add without --password-stdin) must be replaced at the
-- first sign-in before the account can do anything else.
ALTER TABLE atlas.users ADD COLUMN IF NOT EXISTS must_change_password boolean NOT NULL DEFAULT false;

-- Sessions: a random token in the reader's cookie, only its SHA-256 here. expires_at is
-- absolute (sign in again after it); last_seen_at is touched at most every few minutes.
ALTER TABLE atlas.sessions ADD COLUMN IF NOT EXISTS last_seen_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX IF NOT EXISTS sessions_user_idx ON atlas.sessions (user_id);
CREATE INDEX IF NOT EXISTS sessions_expiry_idx ON atlas.sessions (expires_at);

-- Sign-in attempts, per typed email and per client address, so every app instance counts
-- the same failures (nothing in one instance's memory). Kept a day, then pruned by sign-in.
CREATE TABLE IF NOT EXISTS atlas.login_attempts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  email text NOT NULL,
  address text NOT NULL,
  succeeded boolean NOT NULL
);
-- By email with successes too: a success resets the per-account count (login-throttle.sql).
CREATE INDEX IF NOT EXISTS login_attempts_email_idx ON atlas.login_attempts (email, succeeded, at);
CREATE INDEX IF NOT EXISTS login_attempts_address_idx ON atlas.login_attempts (address, at) WHERE NOT succeeded;
CREATE INDEX IF NOT EXISTS login_attempts_at_idx ON atlas.login_attempts (at);

-- The audit log also records sign-in, failed sign-in and sign-out (user changes are the
-- statement audit's UPDATEs on atlas.users, with a note).
ALTER TABLE atlas.audit_log DROP CONSTRAINT IF EXISTS audit_log_action_check;
ALTER TABLE atlas.audit_log ADD CONSTRAINT audit_log_action_check
  CHECK (action IN ('INSERT', 'UPDATE', 'DELETE', 'LOGIN', 'LOGIN_FAILED', 'LOGOUT'));
CREATE INDEX IF NOT EXISTS audit_log_at_idx ON atlas.audit_log (at DESC, id DESC);
CREATE INDEX IF NOT EXISTS audit_log_actor_idx ON atlas.audit_log (actor, at);

-- The statement audit runs as its owner, so a writer role needs no INSERT on the audit log
-- (and cannot forge entries). The fallback actor is the login (session_user): under a
-- SECURITY DEFINER function current_user would name the owner, not who wrote.
CREATE OR REPLACE FUNCTION atlas.audit_statement() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  ids bigint[];
  n integer;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT count(*), coalesce(array_agg((to_jsonb(r) ->> 'id')::bigint), '{}') INTO n, ids FROM old_rows r;
  ELSE
    SELECT count(*), coalesce(array_agg((to_jsonb(r) ->> 'id')::bigint), '{}') INTO n, ids FROM new_rows r;
  END IF;
  IF n > 0 THEN
    INSERT INTO atlas.audit_log (actor, action, table_name, row_count, row_ids, note)
    VALUES (coalesce(nullif(current_setting('atlas.actor', true), ''), session_user),
            TG_OP, TG_TABLE_NAME, n, array_remove(ids, NULL), nullif(current_setting('atlas.audit_note', true), ''));
  END IF;
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION atlas.audit_statement() FROM PUBLIC;
-- Case signatures are derived rows the writer has no grant on: kept by their owner.
ALTER FUNCTION atlas.sign_changed_cases() SECURITY DEFINER SET search_path = public, pg_catalog;

-- The writer roles. The app's connection (often the database owner) switches to one of
-- these with SET LOCAL ROLE inside an account's transaction (src/lib/server/auth/account-write.ts),
-- so an account can do only what its role may, whatever the connection could:
--   atlas_editor: reads as staff (a member of atlas_reader, so the reader's row policies
--     apply, with the viewer set to staff), inserts and updates the publishable tables and
--     their links, deletes links only, publishes releases; nothing on users or the audit log.
--   atlas_admin: reads users and the audit log, adds users and changes their state,
--     ends their sessions; no evidence writes.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_editor') THEN
    CREATE ROLE atlas_editor NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_admin') THEN
    CREATE ROLE atlas_admin NOLOGIN;
  END IF;
END $$;
DO $$ BEGIN
  EXECUTE format('GRANT atlas_editor, atlas_admin TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- already a member, or the cluster forbids it: SET ROLE tells
END $$;
GRANT atlas_reader TO atlas_editor;
GRANT USAGE ON SCHEMA atlas TO atlas_editor, atlas_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA atlas TO atlas_editor;
GRANT EXECUTE ON FUNCTION atlas.publish_release(text) TO atlas_editor;

DO $$
DECLARE
  t text;
  links text[] := ARRAY['item_photos', 'trace_request_items', 'trace_response_factors', 'transfer_waypoints',
    'case_parties', 'case_items', 'case_sites'];
BEGIN
  FOREACH t IN ARRAY atlas.release_record_kinds() || ARRAY['sources', 'corrections'] || links
  LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE ON atlas.%I TO atlas_editor', t);
    EXECUTE format('DROP POLICY IF EXISTS editor_inserts ON atlas.%I', t);
    EXECUTE format('CREATE POLICY editor_inserts ON atlas.%I FOR INSERT TO atlas_editor WITH CHECK (true)', t);
    EXECUTE format('DROP POLICY IF EXISTS editor_updates ON atlas.%I', t);
    EXECUTE format('CREATE POLICY editor_updates ON atlas.%I FOR UPDATE TO atlas_editor USING (true) WITH CHECK (true)', t);
  END LOOP;
  FOREACH t IN ARRAY links
  LOOP
    EXECUTE format('GRANT DELETE ON atlas.%I TO atlas_editor', t);
    EXECUTE format('DROP POLICY IF EXISTS editor_deletes ON atlas.%I', t);
    EXECUTE format('CREATE POLICY editor_deletes ON atlas.%I FOR DELETE TO atlas_editor USING (true)', t);
  END LOOP;
END $$;

GRANT SELECT ON atlas.users, atlas.audit_log, atlas.countries TO atlas_admin;
GRANT INSERT ON atlas.users TO atlas_admin;
GRANT UPDATE (disabled, must_change_password, password_hash, display_name) ON atlas.users TO atlas_admin;
GRANT SELECT, DELETE ON atlas.sessions TO atlas_admin;
