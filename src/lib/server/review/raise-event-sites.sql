-- Before verified draft events are published, their sites are made public (the place is
-- published with its events, whether the items are public or restricted: see
-- publish-events.sql), so the events' chain visibility (013) follows.
-- :ids  integer[]  event ids
-- Columns: id integer, each site made public
UPDATE atlas.sites s SET visibility = 'public'
WHERE s.visibility <> 'public'
  AND s.id IN (SELECT e.site_id FROM atlas.documentation_events e
               WHERE e.id = ANY(:ids::int[]) AND e.visibility = 'draft' AND e.verification = 'verified')
RETURNING s.id
