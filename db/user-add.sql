-- Adds an account (npm run user:add; tests). The INSERT is audited by the statement trigger
-- on atlas.users, with the actor the caller set in atlas.actor.
-- :email the account's email, already trimmed (stored lower-case: emails are unique case-blind)
-- :display_name how pages name the account
-- :role 'editor' | 'admin' | 'partner'
-- :country ISO 3166 alpha-3 of a partner's country, null for staff
-- :password_hash scrypt hash (src/lib/server/auth/password.ts)
-- :must_change_password true for a one-time password
-- Output: id integer.
INSERT INTO atlas.users (email, display_name, role, partner_iso3, password_hash, must_change_password)
VALUES (lower(:email), :display_name, :role, :country, :password_hash, :must_change_password)
RETURNING id
