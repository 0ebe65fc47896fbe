-- An account's stored password hash, to check its current password before a change.
-- :user_id the account
-- Output: password_hash.
SELECT password_hash FROM atlas.users WHERE id = :user_id::int AND NOT disabled
