-- Disables or re-enables an account; disabling also ends its sessions at once. Audited as an
-- UPDATE of atlas.users (actor and note set by withAccountWrite). An admin cannot change its
-- own account here (it would lock itself out).
-- :user_id the account to change
-- :disabled true to disable, false to enable
-- :admin_id the admin making the change
-- Output: id (no row: no such account, or the admin's own).
WITH ended AS (
  DELETE FROM atlas.sessions WHERE user_id = :user_id::int AND :disabled::boolean AND :user_id::int <> :admin_id::int
)
UPDATE atlas.users SET disabled = :disabled::boolean
WHERE id = :user_id::int AND id <> :admin_id::int AND disabled <> :disabled::boolean
RETURNING id
