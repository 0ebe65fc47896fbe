-- What a sign-in checks a password against: the account of an email, unless disabled.
-- :email lower-cased, trimmed
-- Output: id, email, role, country, password_hash, must_change_password (no row: unknown or disabled).
SELECT id, email, role, partner_iso3::text AS country, password_hash, must_change_password
FROM atlas.users WHERE lower(email) = :email AND NOT disabled
