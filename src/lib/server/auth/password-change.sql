-- Replaces an account's password (its own choice, after the one-time one or any time) and
-- ends its other sessions, in one statement. Audited as an UPDATE of atlas.users by the
-- statement trigger, with the actor and note the caller set.
-- :user_id the account
-- :password_hash the new scrypt hash
-- :keep_token_hash the session that made the change (stays open)
-- Output: id.
WITH ended AS (
  DELETE FROM atlas.sessions WHERE user_id = :user_id::int AND token_hash <> :keep_token_hash::text
)
UPDATE atlas.users SET password_hash = :password_hash::text, must_change_password = false
WHERE id = :user_id::int
RETURNING id
