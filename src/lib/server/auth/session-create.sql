-- Opens a session for an account that has just proved its password, and records the
-- successful sign-in (the attempt, which resets the per-account throttle, and the audit entry),
-- in one statement. Expired sessions of the account and attempts older than a day are pruned.
-- :token_hash SHA-256 (hex) of the cookie's token; the token itself is never stored
-- :user_id the account
-- :email the account's email (the audit actor)
-- :address the client address (throttling, audit note)
-- :lifetime how long the session lasts, e.g. '12 hours'
-- Output: expires_at timestamptz.
WITH pruned_sessions AS (
  DELETE FROM atlas.sessions WHERE user_id = :user_id::int AND expires_at <= now()
), pruned_attempts AS (
  DELETE FROM atlas.login_attempts WHERE at < now() - interval '1 day'
), attempt AS (
  INSERT INTO atlas.login_attempts (email, address, succeeded) VALUES (:email::text, :address::text, true)
), audited AS (
  INSERT INTO atlas.audit_log (actor, action, table_name, row_count, row_ids, note)
  VALUES (:email::text, 'LOGIN', 'sessions', 1, ARRAY[:user_id::int]::bigint[], 'from ' || :address::text)
)
INSERT INTO atlas.sessions (token_hash, user_id, expires_at)
VALUES (:token_hash::text, :user_id::int, now() + :lifetime::interval)
RETURNING expires_at
