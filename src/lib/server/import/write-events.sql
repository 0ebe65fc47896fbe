-- Adds an import's new documentation events, as drafts, at the sites the same file (or an
-- earlier one) gave under the same source.
-- :rows  JSON array of { source, id, site, on, precision, context, verification, holder, notes }.
-- Output: added.
WITH added AS (
  INSERT INTO atlas.documentation_events (source_id, external_id, site_id, documented_on, documented_on_precision,
    context, verification, holding_party_id, notes, visibility)
  SELECT s.id, r.id, t.id, r.on, r.precision, r.context::atlas.documentation_context,
    r.verification::atlas.verification_state, r.holder, r.notes, 'draft'
  FROM json_to_recordset(:rows::text::json)
    AS r(source text, id text, site text, "on" date, precision text, context text, verification text, holder integer, notes text)
  JOIN atlas.sources s ON s.external_id = r.source
  JOIN atlas.sites t ON t.external_source_id = s.id AND t.external_id = r.site
  ON CONFLICT (source_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS added FROM added
