-- An item is visible only when its documentation event and its site are, and an event only
-- when its site is. Before this an item marked public under a draft event or a restricted
-- site counted on the about page and in /api/health, although the map (item_facts, which
-- takes the least visibility of the three) left it out.
--
-- The chain is kept as a column the database maintains (chain_visibility = the least of the
-- row's own visibility and its parents'), not as EXISTS subqueries in the policies: under
-- row security those run once per row before any other condition, and a markings search
-- over every item went from 14 ms to 540 ms on native PostGIS. Triggers keep the column right
-- in the same transaction as any change, whichever write path makes it.
ALTER TABLE atlas.documentation_events ADD COLUMN IF NOT EXISTS chain_visibility atlas.visibility NOT NULL DEFAULT 'draft';
ALTER TABLE atlas.items ADD COLUMN IF NOT EXISTS chain_visibility atlas.visibility NOT NULL DEFAULT 'draft';

CREATE OR REPLACE FUNCTION atlas.event_chain_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.chain_visibility := least(NEW.visibility, (SELECT s.visibility FROM atlas.sites s WHERE s.id = NEW.site_id));
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION atlas.item_chain_visibility() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.chain_visibility := least(NEW.visibility,
    (SELECT e.chain_visibility FROM atlas.documentation_events e WHERE e.id = NEW.event_id));
  RETURN NEW;
END $$;

-- A parent's change reaches its children: sites -> events -> items.
CREATE OR REPLACE FUNCTION atlas.site_visibility_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE atlas.documentation_events e SET chain_visibility = least(e.visibility, NEW.visibility)
  WHERE e.site_id = NEW.id AND e.chain_visibility IS DISTINCT FROM least(e.visibility, NEW.visibility);
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION atlas.event_visibility_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE atlas.items i SET chain_visibility = least(i.visibility, NEW.chain_visibility)
  WHERE i.event_id = NEW.id AND i.chain_visibility IS DISTINCT FROM least(i.visibility, NEW.chain_visibility);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS chain_visibility ON atlas.documentation_events;
CREATE TRIGGER chain_visibility BEFORE INSERT OR UPDATE OF visibility, site_id, chain_visibility ON atlas.documentation_events
  FOR EACH ROW EXECUTE FUNCTION atlas.event_chain_visibility();
DROP TRIGGER IF EXISTS chain_visibility ON atlas.items;
CREATE TRIGGER chain_visibility BEFORE INSERT OR UPDATE OF visibility, event_id, chain_visibility ON atlas.items
  FOR EACH ROW EXECUTE FUNCTION atlas.item_chain_visibility();
DROP TRIGGER IF EXISTS chain_visibility_down ON atlas.sites;
CREATE TRIGGER chain_visibility_down AFTER UPDATE OF visibility ON atlas.sites
  FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility) EXECUTE FUNCTION atlas.site_visibility_changed();
DROP TRIGGER IF EXISTS chain_visibility_down ON atlas.documentation_events;
CREATE TRIGGER chain_visibility_down AFTER UPDATE ON atlas.documentation_events
  FOR EACH ROW WHEN (OLD.chain_visibility IS DISTINCT FROM NEW.chain_visibility) EXECUTE FUNCTION atlas.event_visibility_changed();

-- Rows already loaded (the triggers compute it for new ones).
UPDATE atlas.documentation_events e SET chain_visibility = least(e.visibility, s.visibility)
FROM atlas.sites s WHERE s.id = e.site_id AND e.chain_visibility IS DISTINCT FROM least(e.visibility, s.visibility);
UPDATE atlas.items i SET chain_visibility = least(i.visibility, e.chain_visibility)
FROM atlas.documentation_events e WHERE e.id = i.event_id AND i.chain_visibility IS DISTINCT FROM least(i.visibility, e.chain_visibility);

DROP POLICY IF EXISTS visible_to_viewer ON atlas.documentation_events;
CREATE POLICY visible_to_viewer ON atlas.documentation_events FOR SELECT TO atlas_reader
  USING (atlas.can_see(chain_visibility, (SELECT s.country_iso3 FROM atlas.sites s WHERE s.id = site_id)));
DROP POLICY IF EXISTS visible_to_viewer ON atlas.items;
CREATE POLICY visible_to_viewer ON atlas.items FOR SELECT TO atlas_reader
  USING (atlas.can_see(chain_visibility, made_in_iso3));
