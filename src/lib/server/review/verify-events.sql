-- Verifies draft documentation events (their items and site go with them when published).
-- :ids  integer[]  event ids
-- Columns: id integer, each event this verified (already verified or published ones are left)
UPDATE atlas.documentation_events SET verification = 'verified'
WHERE id = ANY(:ids::int[]) AND visibility = 'draft' AND verification <> 'verified'
RETURNING id
