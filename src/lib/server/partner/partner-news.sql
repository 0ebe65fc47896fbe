-- What was made visible to a partner since its last visit: its country's items (made there)
-- and the cases in its country or holding its items, whose visibility changed after :since
-- (db/migrations/027) and which it can see now (row security, as the partner viewer).
-- Parameters:
--   :iso3   text         the partner's country, ISO 3166 alpha-3
--   :since  timestamptz  the previous visit
--   :limit  integer      how many to list
-- Columns:
--   news   json     PartnerNews (src/lib/api/review.ts)
--   total  integer  how many there are
WITH changed AS (
  SELECT record_kind, record_id, max(changed_at) AS changed_at
  FROM atlas.visibility_changes
  WHERE changed_at > (:since)::timestamptz AND visibility <> 'draft'
  GROUP BY record_kind, record_id
), news AS (
  SELECT 'items'::text AS kind, i.id, concat_ws(' ', i.item_type, i.model) AS title, i.chain_visibility AS visibility, c.changed_at
  FROM changed c JOIN atlas.items i ON i.id = c.record_id
  WHERE c.record_kind = 'items' AND i.made_in_iso3 = (:iso3)::char(3)
  UNION ALL
  SELECT 'diversion_cases', d.id, d.title, d.visibility, c.changed_at
  FROM changed c JOIN atlas.diversion_cases d ON d.id = c.record_id
  WHERE c.record_kind = 'diversion_cases'
    AND (d.country_iso3 = (:iso3)::char(3) OR EXISTS (
      SELECT 1 FROM atlas.case_items ci JOIN atlas.items i ON i.id = ci.item_id
      WHERE ci.case_id = d.id AND i.made_in_iso3 = (:iso3)::char(3)))
)
SELECT json_build_object('kind', n.kind, 'id', n.id, 'title', n.title, 'visibility', n.visibility, 'changedAt', n.changed_at) AS news,
       count(*) OVER ()::integer AS total
FROM news n
ORDER BY n.changed_at DESC, n.kind, n.id DESC
LIMIT :limit
