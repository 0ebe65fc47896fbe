-- Records the partner's visit to its dashboard and answers the one before (027's
-- atlas.partner_visit: only for the partner the transaction reads as).
-- :account  integer  the partner's account id (atlas.users.id)
-- Columns: previous timestamptz (null on the first visit)
SELECT atlas.partner_visit(:account::int) AS previous
