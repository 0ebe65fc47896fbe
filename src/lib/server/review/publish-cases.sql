-- Publishes verified draft diversion cases as :visibility.
-- :ids         integer[]  case ids
-- :visibility  text       'public' | 'restricted'
-- Columns: id integer, each case published
UPDATE atlas.diversion_cases d SET visibility = :visibility::atlas.visibility
WHERE d.id = ANY(:ids::int[]) AND d.visibility = 'draft'
  AND EXISTS (SELECT 1 FROM atlas.case_verifications v WHERE v.case_id = d.id)
RETURNING d.id
