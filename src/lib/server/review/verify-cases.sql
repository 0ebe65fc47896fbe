-- Verifies draft diversion cases (db/migrations/027: a case's verification is a row).
-- :ids    integer[]  case ids
-- :actor  text       who verified them (the account's email)
-- Columns: id integer, each case this verified
INSERT INTO atlas.case_verifications (case_id, verified_by)
SELECT d.id, :actor::text FROM atlas.diversion_cases d WHERE d.id = ANY(:ids::int[]) AND d.visibility = 'draft'
ON CONFLICT (case_id) DO NOTHING
RETURNING case_id AS id
