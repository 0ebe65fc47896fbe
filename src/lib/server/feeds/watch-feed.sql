-- The newest items and diversion cases published (made public by a data release) that match
-- the Filter, as the viewer sees them: row security on every table read, so a hidden item,
-- case, place or release record never appears. A case matches when one of its items does
-- (as in cases-geojson.sql). Each entry's date is the release that published it; within a
-- release cases and items alternate, so a release of thousands of one kind hides neither.
-- The newest of each kind are chosen first and only they are joined to their details: joined
-- before the limit, or inlined, the planner looped over the releases (1.3-3 s at scale 1).
-- Parameters: :item_filter and :case_filter (the Filter over atlas.item_facts f, each its own
--   fragment), :limit integer (entries of each kind, and in all).
-- Columns: kind ('item' | 'case'), id, title (cases), item_type, model (items), site, country,
--   documented_on (YYYY-MM-DD), documented_on_precision, summary (cases), case_published_on
--   (cases, YYYY-MM-DD or null), release, released_at (ISO text), synthetic.
WITH newest_items AS MATERIALIZED (
  SELECT r.release, r.record_id
  FROM atlas.release_records r JOIN atlas.item_facts f ON f.item_id = r.record_id
  WHERE r.record_kind = 'items' AND :item_filter
  ORDER BY r.release DESC, r.record_id DESC
  LIMIT :limit
), newest_cases AS MATERIALIZED (
  SELECT r.release, r.record_id
  FROM atlas.release_records r
  WHERE r.record_kind = 'diversion_cases'
    AND r.record_id IN (SELECT c.case_id FROM atlas.item_facts f CROSS JOIN LATERAL unnest(f.case_ids) AS c(case_id) WHERE :case_filter)
  ORDER BY r.release DESC, r.record_id DESC
  LIMIT :limit
), entries AS (
  SELECT 'item'::text AS kind, i.id, NULL::text AS title, i.item_type, i.model, s.name AS site, c.name AS country,
    to_char(e.documented_on, 'YYYY-MM-DD') AS documented_on, coalesce(e.documented_on_precision, 'day') AS documented_on_precision,
    NULL::text AS summary, NULL::text AS case_published_on, n.release, i.synthetic
  FROM newest_items n
  JOIN atlas.items i ON i.id = n.record_id
  JOIN atlas.documentation_events e ON e.id = i.event_id
  JOIN atlas.sites s ON s.id = e.site_id
  JOIN atlas.countries c ON c.iso3 = s.country_iso3
  UNION ALL
  SELECT 'case'::text, d.id, d.title, NULL, NULL, NULL, c.name, NULL, NULL, d.summary,
    to_char(d.published_on, 'YYYY-MM-DD'), n.release, d.synthetic
  FROM newest_cases n
  JOIN atlas.diversion_cases d ON d.id = n.record_id
  JOIN atlas.countries c ON c.iso3 = d.country_iso3
)
SELECT x.kind, x.id, x.title, x.item_type, x.model, x.site, x.country, x.documented_on, x.documented_on_precision,
  x.summary, x.case_published_on, x.release,
  to_char(dr.released_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS released_at, x.synthetic
FROM entries x JOIN atlas.data_releases dr ON dr.number = x.release
ORDER BY x.release DESC, row_number() OVER (PARTITION BY x.release, x.kind ORDER BY x.id DESC), x.kind, x.id DESC
LIMIT :limit
