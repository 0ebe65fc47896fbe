-- Takes published diversion cases back to draft (they stay verified).
-- :ids  integer[]  case ids
-- Columns: id integer, each case unpublished
UPDATE atlas.diversion_cases SET visibility = 'draft'
WHERE id = ANY(:ids::int[]) AND visibility <> 'draft'
RETURNING id
