-- The facts follow every committed change, in the same transaction, whichever write path
-- makes it (the app, an import, an administrator's plain SQL). Before this item_facts was
-- rebuilt only when the demo data was loaded, so an unpublished item stayed on the map.
--
-- Statement-level triggers with transition tables on every table a fact column reads hand
-- the changed rows, as a set, to atlas.refresh_item_facts_for(ids), which deletes and
-- rewrites those items' facts only: a 1,000-row UPDATE is one statement's work, and a
-- change costs what it touches, not the archive. atlas.refresh_item_facts() stays for full
-- rebuilds; both run the same query text (atlas.write_item_facts), so they cannot drift.
--
-- A bulk loader that rebuilds everything at the end of its transaction (db/seed/load.ts)
-- sets `SET LOCAL atlas.facts_maintenance = 'deferred'`: the triggers then do nothing and
-- the loader must call atlas.refresh_item_facts() before it commits.
--
-- case_ids now lists every case of the item, not only public ones: a partner may filter by
-- a restricted case it can see. Which of them a viewer may see is decided at query time by
-- row security on atlas.diversion_cases (src/lib/server/filter-sql.ts, and every query that
-- counts or prints case ids joins the cases), like manufacturer_id, holding_party_id and
-- consignment_id, which always held the raw ids.

-- 013's chain cascade, set-based: one UPDATE of the events of every changed site, then one of
-- the items of every changed event, instead of one UPDATE per row. Unpublishing a site of
-- 3,652 events (13,000 items, scale 10) took 4.9 s row by row, each statement with its own
-- audit entry and trigger calls. The row-level BEFORE triggers that set a row's own chain
-- column from its parent stay as they are.
-- Arguments: the child table, its column naming the parent, and the parent's column the
-- child's chain takes the least of (a site's visibility, an event's chain visibility).
CREATE OR REPLACE FUNCTION atlas.chain_visibility_down() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('UPDATE atlas.%1$I c SET chain_visibility = least(c.visibility, n.%3$I)
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE o.%3$I IS DISTINCT FROM n.%3$I AND c.%2$I = n.id
      AND c.chain_visibility IS DISTINCT FROM least(c.visibility, n.%3$I)', TG_ARGV[0], TG_ARGV[1], TG_ARGV[2]);
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS chain_visibility_down ON atlas.sites;
CREATE TRIGGER chain_visibility_down AFTER UPDATE ON atlas.sites
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas.chain_visibility_down('documentation_events', 'site_id', 'visibility');
DROP TRIGGER IF EXISTS chain_visibility_down ON atlas.documentation_events;
CREATE TRIGGER chain_visibility_down AFTER UPDATE ON atlas.documentation_events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION atlas.chain_visibility_down('items', 'event_id', 'chain_visibility');
-- 013's row-level functions, no longer called.
DROP FUNCTION IF EXISTS atlas.site_visibility_changed();
DROP FUNCTION IF EXISTS atlas.event_visibility_changed();

-- One query for both the full and the partial rebuild. Dynamic only in which items it
-- writes (a fixed text, never input): run through EXECUTE it is planned with the actual id
-- list, so a partial rebuild probes the indexes while the full one scans and hashes (the
-- hashed form took 1.7 s at 880k items, per-item subqueries 8.5 s).
CREATE OR REPLACE FUNCTION atlas.write_item_facts(ids integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
  chosen text := CASE WHEN ids IS NULL THEN 'IS NOT NULL' ELSE '= ANY($1)' END;
BEGIN
  EXECUTE format($query$
    WITH responses AS (
      SELECT ri.item_id, array_agg(coalesce(p.class::text, 'none') ORDER BY r.id) AS classes
      FROM atlas.trace_request_items ri
      JOIN atlas.trace_requests r ON r.id = ri.request_id AND r.visibility = 'public'
      LEFT JOIN atlas.trace_responses p ON p.request_id = r.id AND p.visibility = 'public'
      WHERE ri.item_id %1$s
      GROUP BY ri.item_id
    ), cases AS (
      SELECT ci.item_id, array_agg(ci.case_id ORDER BY ci.case_id) AS ids
      FROM atlas.case_items ci
      WHERE ci.item_id %1$s
      GROUP BY ci.item_id
    )
    INSERT INTO atlas.item_facts (item_id, event_id, site_id, geom_3857, documented_on, country_iso3, category,
      item_type, made_in_iso3, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids,
      consignment_id, quantity, visibility, item_visibility, place_visibility, synthetic, year_made)
    SELECT i.id, e.id, s.id, s.geom_3857, e.documented_on, s.country_iso3, i.category, i.item_type,
      i.made_in_iso3, i.manufacturer_id, e.holding_party_id, coalesce(rs.classes, '{}'), i.marking_state,
      coalesce(cs.ids, '{}'), i.consignment_id, i.quantity,
      least(i.visibility, e.visibility, s.visibility), i.visibility, e.chain_visibility,
      i.synthetic, i.year_made
    FROM atlas.items i
    JOIN atlas.documentation_events e ON e.id = i.event_id
    JOIN atlas.sites s ON s.id = e.site_id
    LEFT JOIN responses rs ON rs.item_id = i.id
    LEFT JOIN cases cs ON cs.item_id = i.id
    WHERE i.id %1$s
    -- Rows in space order: a tile reads neighbouring rows from neighbouring pages.
    ORDER BY ST_GeoHash(ST_Transform(s.geom_3857, 4326), 8), i.id
  $query$, chosen) USING ids;
END $$;

CREATE OR REPLACE FUNCTION atlas.refresh_item_facts() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
  DELETE FROM atlas.item_facts;
  PERFORM atlas.write_item_facts(NULL);
END $$;

-- The facts of these items, rewritten from the base tables; ids without an item lose theirs.
CREATE OR REPLACE FUNCTION atlas.refresh_item_facts_for(ids integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
  IF coalesce(cardinality(ids), 0) = 0 THEN RETURN; END IF;
  DELETE FROM atlas.item_facts WHERE item_id = ANY(ids);
  PERFORM atlas.write_item_facts(ids);
END $$;

-- Writers need not be able to write the facts themselves; nobody but the owner calls these.
REVOKE EXECUTE ON FUNCTION atlas.write_item_facts(integer[]) FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION atlas.refresh_item_facts() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION atlas.refresh_item_facts_for(integer[]) FROM PUBLIC;

-- The items whose facts read a changed row, from the key the row holds: an item, a
-- documentation event, a site or a trace request.
CREATE OR REPLACE FUNCTION atlas.items_under(kind text, keys integer[]) RETURNS integer[]
  LANGUAGE sql STABLE AS $$
  SELECT CASE kind
    WHEN 'item' THEN keys
    WHEN 'event' THEN ARRAY(SELECT i.id FROM atlas.items i WHERE i.event_id = ANY(keys))
    WHEN 'site' THEN ARRAY(SELECT i.id FROM atlas.documentation_events e JOIN atlas.items i ON i.event_id = e.id
                           WHERE e.site_id = ANY(keys))
    WHEN 'request' THEN ARRAY(SELECT ri.item_id FROM atlas.trace_request_items ri WHERE ri.request_id = ANY(keys))
  END
$$;

-- The trigger function for every table below. Arguments: the changed rows' key column,
-- its kind (see items_under), then the columns a fact reads. An UPDATE counts only rows
-- (paired by id) where one of those columns changed: PostgreSQL allows no column list
-- (UPDATE OF) on a trigger with transition tables, and without this the chain cascade
-- (which sets items.chain_visibility, read by no fact) would rewrite every item twice.
-- Link tables, without an id, pass no columns: any update of theirs counts.
CREATE OR REPLACE FUNCTION atlas.facts_follow() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
  key text := TG_ARGV[0];
  kind text := TG_ARGV[1];
  read_columns text[] := TG_ARGV[2:];
  changed text;
  keys integer[];
BEGIN
  IF current_setting('atlas.facts_maintenance', true) = 'deferred' THEN RETURN NULL; END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM new_rows', key) INTO keys;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM old_rows', key) INTO keys;
  ELSIF cardinality(read_columns) = 0 THEN
    EXECUTE format('SELECT array_agg(DISTINCT k) FROM (SELECT %1$I AS k FROM new_rows UNION ALL SELECT %1$I FROM old_rows) AS c', key)
      INTO keys;
  ELSE
    SELECT format('ROW(%s) IS DISTINCT FROM ROW(%s)',
        string_agg(format('n.%I', c), ', '), string_agg(format('o.%I', c), ', '))
      INTO changed FROM unnest(read_columns) AS c;
    EXECUTE format('SELECT array_agg(DISTINCT k) FROM new_rows n JOIN old_rows o ON o.id = n.id,
      LATERAL (VALUES (n.%1$I), (o.%1$I)) AS v(k) WHERE %2$s', key, changed) INTO keys;
  END IF;
  IF keys IS NOT NULL THEN
    PERFORM atlas.refresh_item_facts_for(atlas.items_under(kind, keys));
  END IF;
  RETURN NULL;
END $$;

-- Which change reaches which facts. Not listed on purpose: a DELETE of items (the facts go
-- with them, ON DELETE CASCADE), an INSERT of sites, events or trace requests (no item reads
-- them yet), sites.visibility (it reaches the facts as documentation_events.chain_visibility,
-- which the chain cascade above updates in the same statement), diversion_cases (case_ids holds every
-- case; visibility is decided at query time).
DO $$
DECLARE
  follow text[][] := ARRAY[
    -- table, operations, key column, kind, columns read
    ARRAY['items', 'INSERT UPDATE', 'id', 'item',
      'event_id, category, item_type, made_in_iso3, manufacturer_id, marking_state, consignment_id, quantity, visibility, synthetic, year_made'],
    ARRAY['documentation_events', 'UPDATE', 'id', 'event', 'site_id, documented_on, holding_party_id, visibility, chain_visibility'],
    ARRAY['sites', 'UPDATE', 'id', 'site', 'geom, country_iso3'],
    ARRAY['trace_requests', 'UPDATE', 'id', 'request', 'visibility'],
    ARRAY['trace_responses', 'INSERT UPDATE DELETE', 'request_id', 'request', 'request_id, class, visibility'],
    ARRAY['trace_request_items', 'INSERT UPDATE DELETE', 'item_id', 'item', ''],
    ARRAY['case_items', 'INSERT UPDATE DELETE', 'item_id', 'item', '']
  ];
  op text;
  args text;
BEGIN
  FOR i IN 1 .. array_length(follow, 1) LOOP
    args := array_to_string(ARRAY[quote_literal(follow[i][3]), quote_literal(follow[i][4])]
      || ARRAY(SELECT quote_literal(trim(c)) FROM unnest(string_to_array(nullif(follow[i][5], ''), ',')) AS c), ', ');
    FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE'] LOOP
      EXECUTE format('DROP TRIGGER IF EXISTS facts_follow_%s ON atlas.%I', lower(op), follow[i][1]);
      CONTINUE WHEN position(op IN follow[i][2]) = 0;
      EXECUTE format('CREATE TRIGGER facts_follow_%s AFTER %s ON atlas.%I REFERENCING %s FOR EACH STATEMENT
        EXECUTE FUNCTION atlas.facts_follow(%s)', lower(op), op, follow[i][1],
        CASE op WHEN 'INSERT' THEN 'NEW TABLE AS new_rows' WHEN 'DELETE' THEN 'OLD TABLE AS old_rows'
          ELSE 'OLD TABLE AS old_rows NEW TABLE AS new_rows' END, args);
    END LOOP;
  END LOOP;
END $$;

-- The facts of items in cases that were not public, which case_ids left out until now.
SELECT atlas.refresh_item_facts_for(ARRAY(
  SELECT DISTINCT ci.item_id FROM atlas.case_items ci JOIN atlas.diversion_cases c ON c.id = ci.case_id
  WHERE c.visibility <> 'public'));
