-- The items of the events just published or unpublished take the events' new visibility:
-- publishing changes only draft items (one an editor held back as restricted stays so),
-- unpublishing every item.
-- :events      integer[]  event ids
-- :visibility  text       'public' | 'restricted' | 'draft'
-- Columns: id integer, each item changed
UPDATE atlas.items SET visibility = :visibility::atlas.visibility
WHERE event_id = ANY(:events::int[])
  AND visibility <> :visibility::atlas.visibility
  AND (:visibility::atlas.visibility = 'draft' OR visibility = 'draft')
RETURNING id
