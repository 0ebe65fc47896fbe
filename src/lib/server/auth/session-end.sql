-- Ends a session (sign-out) and records it in the audit log, in one statement.
-- :token_hash SHA-256 (hex) of the cookie's token
-- Output: none (no row when the session was already gone).
WITH ended AS (
  DELETE FROM atlas.sessions WHERE token_hash = :token_hash RETURNING user_id
)
INSERT INTO atlas.audit_log (actor, action, table_name, row_count, row_ids)
SELECT u.email, 'LOGOUT', 'sessions', 1, ARRAY[u.id::bigint]
FROM ended JOIN atlas.users u ON u.id = ended.user_id
