-- Adds an import's new documented items, as drafts, under the events named in the file.
-- :rows  JSON array of { source, id, event, category, type, model, calibre, maker, made_in,
--        year, serial, lot, factory, import_mark, marking, construction, quantity, digest }.
-- Output: added.
WITH added AS (
  INSERT INTO atlas.items (external_source_id, external_id, event_id, category, item_type, model, calibre,
    manufacturer_id, made_in_iso3, year_made, serial_number, lot_number, factory_code, import_mark, marking_state,
    construction, quantity, import_digest, visibility)
  SELECT s.id, r.id, e.id, r.category::atlas.item_category, r.type, r.model, r.calibre, r.maker, r.made_in,
    r.year, r.serial, r.lot, r.factory, r.import_mark, r.marking::atlas.marking_state,
    ARRAY(SELECT json_array_elements_text(r.construction))::atlas.construction_note[], r.quantity, r.digest, 'draft'
  FROM json_to_recordset(:rows::text::json)
    AS r(source text, id text, event text, category text, type text, model text, calibre text, maker integer,
         made_in text, year smallint, serial text, lot text, factory text, import_mark text, marking text,
         construction json, quantity integer, digest text)
  JOIN atlas.sources s ON s.external_id = r.source
  JOIN atlas.documentation_events e ON e.source_id = s.id AND e.external_id = r.event
  ON CONFLICT (external_source_id, external_id) WHERE external_id IS NOT NULL DO NOTHING
  RETURNING 1
)
SELECT count(*)::int AS added FROM added
