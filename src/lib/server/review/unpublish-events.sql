-- Takes published documentation events back to draft (they stay verified); their items
-- follow (set-event-items.sql). Their sites stay as they are: other events may show there.
-- :ids  integer[]  event ids
-- Columns: id integer, each event unpublished
UPDATE atlas.documentation_events SET visibility = 'draft'
WHERE id = ANY(:ids::int[]) AND visibility <> 'draft'
RETURNING id
