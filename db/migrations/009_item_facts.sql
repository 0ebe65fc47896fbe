-- One row per documented item with everything the Filter can select on, next to the
-- recovery site's tile geometry: tiles, GeoJSON, counts and search read this instead of
-- joining five tables per request. Refreshed by atlas.refresh_item_facts() after a load or
-- publication; row-level security applies to it like to the tables it comes from.
CREATE TABLE IF NOT EXISTS atlas.item_facts (
  item_id integer PRIMARY KEY REFERENCES atlas.items (id) ON DELETE CASCADE,
  event_id integer NOT NULL,
  site_id integer NOT NULL,
  geom_3857 geometry(Point, 3857) NOT NULL,
  documented_on date NOT NULL,
  country_iso3 char(3) NOT NULL,
  category atlas.item_category NOT NULL,
  item_type text NOT NULL,
  made_in_iso3 char(3),
  manufacturer_id integer,
  holding_party_id integer,
  -- Classes of public responses to requests about the item, and 'none' for each request
  -- still unanswered; empty when the item was never traced.
  response_classes text[] NOT NULL DEFAULT '{}',
  marking_state atlas.marking_state NOT NULL,
  case_ids integer[] NOT NULL DEFAULT '{}',
  consignment_id integer,
  quantity integer NOT NULL,
  -- The least visible of the item, its documentation event and its site.
  visibility atlas.visibility NOT NULL,
  synthetic boolean NOT NULL,
  -- For the age-at-recovery and decade-of-manufacture analytics.
  year_made smallint
);
CREATE INDEX IF NOT EXISTS item_facts_geom_idx ON atlas.item_facts USING gist (geom_3857);
CREATE INDEX IF NOT EXISTS item_facts_site_idx ON atlas.item_facts (site_id);
CREATE INDEX IF NOT EXISTS item_facts_date_idx ON atlas.item_facts (documented_on);
CREATE INDEX IF NOT EXISTS item_facts_consignment_idx ON atlas.item_facts (consignment_id);
CREATE INDEX IF NOT EXISTS item_facts_cases_idx ON atlas.item_facts USING gin (case_ids);
CREATE INDEX IF NOT EXISTS item_facts_responses_idx ON atlas.item_facts USING gin (response_classes);

ALTER TABLE atlas.item_facts ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON atlas.item_facts TO atlas_reader;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.item_facts;
CREATE POLICY visible_to_viewer ON atlas.item_facts FOR SELECT TO atlas_reader
  USING (atlas.can_see(visibility, made_in_iso3));

CREATE OR REPLACE FUNCTION atlas.refresh_item_facts() RETURNS void LANGUAGE sql AS $$
  DELETE FROM atlas.item_facts;
  -- Set-based (aggregate first, then join) so the plan is sound even on freshly loaded
  -- tables without statistics.
  WITH responses AS (
    SELECT ri.item_id, array_agg(coalesce(p.class::text, 'none') ORDER BY r.id) AS classes
    FROM atlas.trace_request_items ri
    JOIN atlas.trace_requests r ON r.id = ri.request_id AND r.visibility = 'public'
    LEFT JOIN atlas.trace_responses p ON p.request_id = r.id AND p.visibility = 'public'
    GROUP BY ri.item_id
  ), cases AS (
    SELECT ci.item_id, array_agg(ci.case_id ORDER BY ci.case_id) AS ids
    FROM atlas.case_items ci JOIN atlas.diversion_cases c ON c.id = ci.case_id AND c.visibility = 'public'
    GROUP BY ci.item_id
  )
  INSERT INTO atlas.item_facts (item_id, event_id, site_id, geom_3857, documented_on, country_iso3, category,
    item_type, made_in_iso3, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids,
    consignment_id, quantity, visibility, synthetic, year_made)
  SELECT i.id, e.id, s.id, s.geom_3857, e.documented_on, s.country_iso3, i.category, i.item_type,
    i.made_in_iso3, i.manufacturer_id, e.holding_party_id, coalesce(rs.classes, '{}'), i.marking_state,
    coalesce(cs.ids, '{}'), i.consignment_id, i.quantity,
    least(i.visibility, e.visibility, s.visibility),
    i.synthetic, i.year_made
  FROM atlas.items i
  JOIN atlas.documentation_events e ON e.id = i.event_id
  JOIN atlas.sites s ON s.id = e.site_id
  LEFT JOIN responses rs ON rs.item_id = i.id
  LEFT JOIN cases cs ON cs.item_id = i.id
  -- Rows in space order: a tile reads neighbouring rows from neighbouring pages.
  ORDER BY ST_GeoHash(ST_Transform(s.geom_3857, 4326), 8), i.id;
$$;
SELECT atlas.refresh_item_facts();
