-- Whether the reader may see the photo stored at :uri: row security on item_photos follows
-- its item's visibility (010), so a draft's photo is no one's but staff's. Output: caption.
SELECT caption FROM atlas.item_photos WHERE uri = :uri LIMIT 1
