-- The account a session cookie belongs to: the one database read a signed-in request costs
-- (hooks.server.ts). Nothing for an unknown, expired or ended session, or a disabled account.
-- last_seen_at is touched in the same statement, at most every 5 minutes (a write per page
-- view would be a write per request).
-- :token_hash SHA-256 (hex) of the cookie's token
-- Output: id, email, role, country (partner's ISO alpha-3 or null), must_change_password.
WITH found AS (
  SELECT s.token_hash, s.last_seen_at, u.id, u.email, u.role, u.partner_iso3::text AS country, u.must_change_password
  FROM atlas.sessions s JOIN atlas.users u ON u.id = s.user_id
  WHERE s.token_hash = :token_hash AND s.expires_at > now() AND NOT u.disabled
), touched AS (
  UPDATE atlas.sessions SET last_seen_at = now()
  WHERE token_hash IN (SELECT token_hash FROM found WHERE last_seen_at < now() - interval '5 minutes')
)
SELECT id, email, role, country, must_change_password FROM found
