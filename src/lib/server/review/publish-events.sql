-- Publishes verified draft documentation events: the event (where and when) is public; its
-- items take the visibility the editor chose (set-event-items.sql). A restricted place would
-- hide restricted items from the partner of their country of manufacture, since a fact is
-- visible only when its item (made-in partition) and its place (recovery partition) both
-- are (014). Sites first: raise-event-sites.sql.
-- :ids  integer[]  event ids
-- Columns: id integer, each event published (drafts not verified and published ones are left)
UPDATE atlas.documentation_events SET visibility = 'public'
WHERE id = ANY(:ids::int[]) AND visibility = 'draft' AND verification = 'verified'
RETURNING id
