-- Every account, for /admin/users (read as atlas_admin), with when it was last seen.
-- Output: id, email, display_name, role, country, disabled, must_change_password, created_at, last_seen_at.
SELECT u.id, u.email, u.display_name, u.role, u.partner_iso3::text AS country, u.disabled, u.must_change_password,
       u.created_at, (SELECT max(s.last_seen_at) FROM atlas.sessions s WHERE s.user_id = u.id) AS last_seen_at
FROM atlas.users u
ORDER BY lower(u.email)
