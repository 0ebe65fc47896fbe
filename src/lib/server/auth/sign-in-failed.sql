-- Records a failed sign-in: the attempt (for throttling) and the audit entry, one statement.
-- The actor is the email as typed (lower-cased), known account or not; only admins read it.
-- :email lower-cased, trimmed, at most 254 characters
-- :address the client address
WITH attempt AS (
  INSERT INTO atlas.login_attempts (email, address, succeeded) VALUES (:email::text, :address::text, false)
)
INSERT INTO atlas.audit_log (actor, action, table_name, row_count, note)
VALUES (:email::text, 'LOGIN_FAILED', 'sessions', 0, 'from ' || :address::text)
