-- Rollups of atlas.item_facts: item and unit counts over the Filter dimensions a rollup can
-- answer exactly, so world and regional answers read thousands of rows, not the archive.
-- Measured at scale 10 (880k items, 1,755 sites): site x year x category is 105k rows, and
-- every further dimension multiplies it towards one row per item (site x year x category x
-- type 262k, x country of manufacture 404k), so the rollups cover the Filter keys time (by
-- year: the explorer sends whole years), country and category, and keep each other
-- dimension as a separate (dimension, value) row for the charts and facet lists. A Filter
-- on any other key, or a range not on year bounds, is answered from item rows
-- (src/lib/server/rollup-sql.ts decides).
--
-- Every rollup carries what the item_facts policy reads, so row security applies to each
-- rollup row exactly as to the facts it sums: item_visibility, place_visibility,
-- country_iso3 and the item's partition country. That is made_in_iso3 only where the item is
-- restricted: can_see() reads the partition for 'restricted' alone, so for public and draft
-- facts it is NULL here without changing who sees the row (and it keeps public rows from
-- being split by country of manufacture).
--
-- documented_on is the first day of the year: for the time range the explorer sends
-- (from YYYY-01-01, to YYYY-12-31) `documented_on >= from` and `<= to` select exactly the
-- rows of the items they select, so filter-sql.ts's condition applies unchanged.
--
-- Kept current by one statement-level trigger on item_facts (any change: an incremental
-- per-item refresh, the full atlas.refresh_item_facts(), or plain SQL): it subtracts the old
-- facts, adds the new, and deletes rows that fall to zero, in the same transaction.

CREATE TABLE IF NOT EXISTS atlas.site_rollup (
  site_id integer NOT NULL,
  country_iso3 char(3) NOT NULL,
  documented_on date NOT NULL,
  category atlas.item_category NOT NULL,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  item_partition_iso3 char(3),
  synthetic boolean NOT NULL,
  items integer NOT NULL,
  units bigint NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS site_rollup_key ON atlas.site_rollup
  (site_id, documented_on, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3) NULLS NOT DISTINCT;
-- Rows a change has just emptied: the trigger deletes them through this (nearly empty) index.
CREATE INDEX IF NOT EXISTS site_rollup_emptied ON atlas.site_rollup (site_id) WHERE items = 0;

-- The same without the year, for a Filter with no time range (the explorer's first view):
-- 8.4k groups of site x category at scale 10 instead of 57k.
CREATE TABLE IF NOT EXISTS atlas.site_total_rollup (
  site_id integer NOT NULL,
  country_iso3 char(3) NOT NULL,
  category atlas.item_category NOT NULL,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  item_partition_iso3 char(3),
  synthetic boolean NOT NULL,
  items integer NOT NULL,
  units bigint NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS site_total_rollup_key ON atlas.site_total_rollup
  (site_id, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS site_total_rollup_emptied ON atlas.site_total_rollup (site_id) WHERE items = 0;

-- One row per (dimension, value) and the Filter dimensions above; an item counts once in
-- each of its values: type, made_in, marking, decade (weapons), group (holding party),
-- response (each distinct class it holds).
CREATE TABLE IF NOT EXISTS atlas.dimension_rollup (
  dimension text NOT NULL,
  value text NOT NULL,
  country_iso3 char(3) NOT NULL,
  documented_on date NOT NULL,
  category atlas.item_category NOT NULL,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  item_partition_iso3 char(3),
  synthetic boolean NOT NULL,
  items integer NOT NULL,
  units bigint NOT NULL,
  -- Weapons with a known year of manufacture, and those older than 10, 20, 30 years at recovery.
  weapons_aged integer NOT NULL,
  over10 integer NOT NULL,
  over20 integer NOT NULL,
  over30 integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS dimension_rollup_key ON atlas.dimension_rollup
  (dimension, value, documented_on, category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS dimension_rollup_emptied ON atlas.dimension_rollup (dimension) WHERE items = 0;

-- Items per diversion case, for the distinct-case counts (a case counts when one of its
-- items matches).
CREATE TABLE IF NOT EXISTS atlas.case_rollup (
  case_id integer NOT NULL,
  country_iso3 char(3) NOT NULL,
  documented_on date NOT NULL,
  category atlas.item_category NOT NULL,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  item_partition_iso3 char(3),
  synthetic boolean NOT NULL,
  items integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS case_rollup_key ON atlas.case_rollup
  (case_id, documented_on, category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS case_rollup_emptied ON atlas.case_rollup (case_id) WHERE items = 0;

-- Items per (consignment, recovery site): a route shows when one of them matches.
CREATE TABLE IF NOT EXISTS atlas.consignment_site_rollup (
  consignment_id integer NOT NULL,
  site_id integer NOT NULL,
  country_iso3 char(3) NOT NULL,
  documented_on date NOT NULL,
  category atlas.item_category NOT NULL,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  item_partition_iso3 char(3),
  synthetic boolean NOT NULL,
  items integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS consignment_site_rollup_key ON atlas.consignment_site_rollup
  (consignment_id, site_id, documented_on, category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS consignment_site_rollup_emptied ON atlas.consignment_site_rollup (consignment_id) WHERE items = 0;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['site_rollup', 'site_total_rollup', 'dimension_rollup', 'case_rollup', 'consignment_site_rollup'] LOOP
    EXECUTE format('ALTER TABLE atlas.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT ON atlas.%I TO atlas_reader', t);
    EXECUTE format('DROP POLICY IF EXISTS visible_to_viewer ON atlas.%I', t);
    EXECUTE format('CREATE POLICY visible_to_viewer ON atlas.%I FOR SELECT TO atlas_reader
      USING (atlas.can_see(item_visibility, item_partition_iso3) AND atlas.can_see(place_visibility, country_iso3))', t);
  END LOOP;
END $$;

-- The changes as signed fact rows (+1 added, -1 removed) with the rollup keys computed once.
-- `source` is fixed SQL text naming the trigger's transition tables, never input.
CREATE OR REPLACE FUNCTION atlas.fact_changes_sql(source text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$
    SELECT c.sign, c.site_id, c.country_iso3, date_trunc('year', c.documented_on)::date AS documented_on,
      c.category, c.item_visibility, c.place_visibility,
      CASE WHEN c.item_visibility = 'restricted' THEN c.made_in_iso3 END AS item_partition_iso3,
      c.synthetic, c.quantity, c.item_type, c.made_in_iso3, c.marking_state, c.holding_party_id,
      c.response_classes, c.case_ids, c.consignment_id,
      CASE WHEN c.category = 'weapon' THEN (c.year_made / 10) * 10 END AS decade,
      CASE WHEN c.category = 'weapon' THEN extract(year FROM c.documented_on)::int - c.year_made END AS age
    FROM (%s) AS c
  $q$, source)
$$;

-- The statements adding signed changes (fact_changes_sql) to every rollup, each followed by
-- the one deleting the rows it emptied. Keys are sent in index order so concurrent writers
-- lock shared rows in the same order. Returned as text and run by the caller: a trigger's
-- transition tables are visible only to statements the trigger function itself runs.
CREATE OR REPLACE FUNCTION atlas.rollup_statements(changes text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    format($q$
    INSERT INTO atlas.site_rollup AS r (site_id, documented_on, category, item_visibility, place_visibility,
      item_partition_iso3, synthetic, country_iso3, items, units)
    SELECT site_id, documented_on, category, item_visibility, place_visibility, item_partition_iso3, synthetic,
      country_iso3, sum(sign), sum(sign * quantity)
    FROM (%s) AS c
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(sign) <> 0 OR sum(sign * quantity) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (site_id, documented_on, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3)
    DO UPDATE SET items = r.items + EXCLUDED.items, units = r.units + EXCLUDED.units
  $q$, changes),
    'DELETE FROM atlas.site_rollup WHERE items = 0',
    format($q$
    INSERT INTO atlas.site_total_rollup AS r (site_id, category, item_visibility, place_visibility,
      item_partition_iso3, synthetic, country_iso3, items, units)
    SELECT site_id, category, item_visibility, place_visibility, item_partition_iso3, synthetic,
      country_iso3, sum(sign), sum(sign * quantity)
    FROM (%s) AS c
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(sign) <> 0 OR sum(sign * quantity) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (site_id, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3)
    DO UPDATE SET items = r.items + EXCLUDED.items, units = r.units + EXCLUDED.units
  $q$, changes),
    'DELETE FROM atlas.site_total_rollup WHERE items = 0',
    format($q$
    INSERT INTO atlas.dimension_rollup AS r (dimension, value, documented_on, category, country_iso3, item_visibility,
      place_visibility, item_partition_iso3, synthetic, items, units, weapons_aged, over10, over20, over30)
    SELECT d.dimension, d.value, c.documented_on, c.category, c.country_iso3, c.item_visibility, c.place_visibility,
      c.item_partition_iso3, c.synthetic, sum(c.sign), sum(c.sign * c.quantity),
      coalesce(sum(c.sign) FILTER (WHERE c.age IS NOT NULL), 0), coalesce(sum(c.sign) FILTER (WHERE c.age > 10), 0),
      coalesce(sum(c.sign) FILTER (WHERE c.age > 20), 0), coalesce(sum(c.sign) FILTER (WHERE c.age > 30), 0)
    FROM (%s) AS c
    CROSS JOIN LATERAL (
      SELECT v.dimension, v.value FROM (VALUES ('type', c.item_type), ('made_in', c.made_in_iso3::text),
        ('marking', c.marking_state::text), ('decade', c.decade::text), ('group', c.holding_party_id::text)) AS v (dimension, value)
      UNION ALL
      SELECT DISTINCT 'response', class FROM unnest(c.response_classes) AS class
    ) AS d
    WHERE d.value IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.quantity) <> 0 OR sum(c.sign) FILTER (WHERE c.age IS NOT NULL) <> 0
      OR sum(c.sign) FILTER (WHERE c.age > 10) <> 0 OR sum(c.sign) FILTER (WHERE c.age > 20) <> 0
      OR sum(c.sign) FILTER (WHERE c.age > 30) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (dimension, value, documented_on, category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic)
    DO UPDATE SET items = r.items + EXCLUDED.items, units = r.units + EXCLUDED.units,
      weapons_aged = r.weapons_aged + EXCLUDED.weapons_aged, over10 = r.over10 + EXCLUDED.over10,
      over20 = r.over20 + EXCLUDED.over20, over30 = r.over30 + EXCLUDED.over30
  $q$, changes),
    'DELETE FROM atlas.dimension_rollup WHERE items = 0',
    format($q$
    INSERT INTO atlas.case_rollup AS r (case_id, documented_on, category, country_iso3, item_visibility, place_visibility,
      item_partition_iso3, synthetic, items)
    SELECT case_id, c.documented_on, c.category, c.country_iso3, c.item_visibility, c.place_visibility,
      c.item_partition_iso3, c.synthetic, sum(c.sign)
    FROM (%s) AS c CROSS JOIN LATERAL unnest(c.case_ids) AS case_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    HAVING sum(c.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
    ON CONFLICT (case_id, documented_on, category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic)
    DO UPDATE SET items = r.items + EXCLUDED.items
  $q$, changes),
    'DELETE FROM atlas.case_rollup WHERE items = 0',
    format($q$
    INSERT INTO atlas.consignment_site_rollup AS r (consignment_id, site_id, documented_on, category, country_iso3,
      item_visibility, place_visibility, item_partition_iso3, synthetic, items)
    SELECT consignment_id, site_id, documented_on, category, country_iso3, item_visibility, place_visibility,
      item_partition_iso3, synthetic, sum(sign)
    FROM (%s) AS c
    WHERE consignment_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(sign) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    ON CONFLICT (consignment_id, site_id, documented_on, category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic)
    DO UPDATE SET items = r.items + EXCLUDED.items
  $q$, changes),
    'DELETE FROM atlas.consignment_site_rollup WHERE items = 0'
  ]
$$;
DROP FUNCTION IF EXISTS atlas.apply_fact_changes(text);

CREATE OR REPLACE FUNCTION atlas.roll_up_fact_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  -- Every fact gone (the full refresh begins so): the rollups are empty too, with no need to
  -- subtract what left.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM atlas.item_facts) THEN
    DELETE FROM atlas.site_rollup;
    DELETE FROM atlas.site_total_rollup;
    DELETE FROM atlas.dimension_rollup;
    DELETE FROM atlas.case_rollup;
    DELETE FROM atlas.consignment_site_rollup;
    RETURN NULL;
  END IF;
  -- Only the transition tables this event has exist, so the source is chosen by event.
  FOREACH statement IN ARRAY atlas.rollup_statements(atlas.fact_changes_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM came'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM gone'
    ELSE 'SELECT 1 AS sign, * FROM came UNION ALL SELECT -1, * FROM gone' END)) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END $$;

-- A transition table may belong to one event only when declared, hence three triggers.
DROP TRIGGER IF EXISTS item_facts_roll_up_insert ON atlas.item_facts;
CREATE TRIGGER item_facts_roll_up_insert AFTER INSERT ON atlas.item_facts
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.roll_up_fact_changes();
DROP TRIGGER IF EXISTS item_facts_roll_up_delete ON atlas.item_facts;
CREATE TRIGGER item_facts_roll_up_delete AFTER DELETE ON atlas.item_facts
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION atlas.roll_up_fact_changes();
DROP TRIGGER IF EXISTS item_facts_roll_up_update ON atlas.item_facts;
CREATE TRIGGER item_facts_roll_up_update AFTER UPDATE ON atlas.item_facts
  REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.roll_up_fact_changes();

-- Rebuilt from the facts as they are now (the trigger keeps them from here on).
TRUNCATE atlas.site_rollup, atlas.site_total_rollup, atlas.dimension_rollup, atlas.case_rollup, atlas.consignment_site_rollup;
DO $$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY atlas.rollup_statements(atlas.fact_changes_sql('SELECT 1 AS sign, * FROM atlas.item_facts')) LOOP
    EXECUTE statement;
  END LOOP;
END $$;
-- Statistics now, or the planner takes the fresh tables for empty until autovacuum comes.
ANALYZE atlas.site_rollup, atlas.site_total_rollup, atlas.dimension_rollup, atlas.case_rollup, atlas.consignment_site_rollup;
