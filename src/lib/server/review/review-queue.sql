-- The review queue: documentation events (with their site and how many items) and diversion
-- cases in one review state, newest first. Runs as the staff writer (every row visible).
-- Parameters:
--   :state    text           'unverified' | 'verified' | 'published' (review-state words, api/review.ts)
--   :kind     text or null   'events' | 'cases', or null for both
--   :country  text or null   ISO 3166 alpha-3 of the site (events) or case
--   :q        text or null   words in a case's title or an event's site name (case-insensitive)
--   :limit    integer        how many entries to list
-- Columns:
--   entry  json     ReviewEntry (src/lib/api/review.ts)
--   total  integer  entries matching, however many are listed
WITH events AS (
  SELECT 'events'::text AS kind, e.id, s.name AS title, s.country_iso3 AS country, e.documented_on AS date,
         CASE WHEN e.visibility <> 'draft' THEN 'published' WHEN e.verification = 'verified' THEN 'verified' ELSE 'unverified' END AS state,
         e.visibility, (SELECT count(*) FROM atlas.items i WHERE i.event_id = e.id)::integer AS items,
         json_build_object('id', s.id, 'name', s.name, 'visibility', s.visibility) AS site
  FROM atlas.documentation_events e JOIN atlas.sites s ON s.id = e.site_id
  WHERE coalesce(:kind::text, 'events') = 'events'
), cases AS (
  SELECT 'cases'::text, d.id, d.title, d.country_iso3::text, d.diverted_from,
         CASE WHEN d.visibility <> 'draft' THEN 'published'
              WHEN EXISTS (SELECT 1 FROM atlas.case_verifications v WHERE v.case_id = d.id) THEN 'verified' ELSE 'unverified' END,
         d.visibility, (SELECT count(*) FROM atlas.case_items ci WHERE ci.case_id = d.id)::integer, NULL::json
  FROM atlas.diversion_cases d
  WHERE coalesce(:kind::text, 'cases') = 'cases'
), matching AS (
  SELECT * FROM (SELECT * FROM events UNION ALL SELECT * FROM cases) AS q
  WHERE q.state = :state::text
    AND (:country::text IS NULL OR q.country = :country::text)
    AND (:q::text IS NULL OR q.title ILIKE '%' || replace(replace(replace(:q::text, '\', '\\'), '%', '\%'), '_', '\_') || '%')
)
SELECT json_build_object('kind', m.kind, 'id', m.id, 'title', m.title, 'country', m.country, 'date', m.date,
         'state', m.state, 'visibility', m.visibility, 'items', m.items, 'site', m.site) AS entry,
       count(*) OVER ()::integer AS total
FROM matching m
ORDER BY m.date DESC NULLS LAST, m.kind, m.id DESC
LIMIT :limit
