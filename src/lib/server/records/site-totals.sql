-- What a site holds under the Filter: items and units per category, and how many
-- documentation events have at least one matching item (the panel's page count).
-- Parameters (named slots, sqlTemplate):
--   site_id  integer   the site
--   filter   fragment  the Filter as a condition over atlas.item_facts f (filter-sql.ts)
-- Columns:
--   by_category   json     [{category, items, units}] in category order
--   total_events  integer
WITH matching AS (
  SELECT f.category, f.quantity, f.event_id FROM atlas.item_facts f WHERE f.site_id = :site_id::int AND :filter
)
SELECT
  coalesce((SELECT json_agg(json_build_object('category', category, 'items', items, 'units', units) ORDER BY category)
            FROM (SELECT category, count(*)::integer AS items, sum(quantity)::integer AS units
                  FROM matching GROUP BY category) AS per_category), '[]'::json) AS by_category,
  (SELECT count(*) FROM atlas.documentation_events e WHERE e.id IN (SELECT event_id FROM matching))::integer AS total_events
