-- Attaches a stored photo to an imported item, after its others.
-- :source (the file's source_id), :item (its item_id), :uri, :caption.
-- Output: item_id, position (none when no item has these external ids).
INSERT INTO atlas.item_photos (item_id, uri, caption, position)
SELECT i.id, :uri, :caption,
  coalesce((SELECT max(p.position) FROM atlas.item_photos p WHERE p.item_id = i.id), 0) + 1
FROM atlas.items i JOIN atlas.sources s ON s.id = i.external_source_id
WHERE s.external_id = :source AND i.external_id = :item
RETURNING item_id, position
