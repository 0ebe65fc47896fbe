-- Whether a sign-in may be tried now, from the failures every app instance recorded:
-- per account, failures since its last success within the window; per address, all failures
-- within the window. Refused while either has reached its limit, until the oldest failure
-- that counts towards it leaves the window.
-- :email lower-cased, trimmed
-- :address the client address
-- :window the counting window, e.g. '15 minutes'
-- :account_limit failures per account within the window
-- :address_limit failures per address within the window
-- Output: retry_after integer seconds, or null when the attempt may go ahead.
WITH by_account AS (
  SELECT at FROM atlas.login_attempts
  WHERE email = :email::text AND NOT succeeded AND at > now() - :window::interval
    AND at > coalesce((SELECT max(at) FROM atlas.login_attempts WHERE email = :email::text AND succeeded), '-infinity')
  ORDER BY at DESC OFFSET :account_limit::int - 1 LIMIT 1
), by_address AS (
  SELECT at FROM atlas.login_attempts
  WHERE address = :address::text AND NOT succeeded AND at > now() - :window::interval
  ORDER BY at DESC OFFSET :address_limit::int - 1 LIMIT 1
)
SELECT CASE WHEN until IS NULL THEN NULL ELSE greatest(1, ceil(extract(epoch FROM until - now())))::int END AS retry_after
FROM (SELECT greatest((SELECT at FROM by_account), (SELECT at FROM by_address)) + :window::interval AS until) AS t
