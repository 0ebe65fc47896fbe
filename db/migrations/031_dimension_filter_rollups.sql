-- The explorer's counts, the facet lists and the chart aggregates under a Filter on one item
-- dimension (type, country of manufacture, marking or response class) from rollups, not
-- from item rows. 018's rollups carry only time, country and category, and 028 gave the
-- sites tile its own per-site rollup of the four dimensions; /api/stats, /api/summary and
-- /api/facets still counted every matching fact: at scale 10 (880k items) type=assault rifle
-- (122k items) took 345 ms for the charts and 229 ms for the summary, made_in=SUN with
-- category=weapon 241 and 157 ms (tests/bench/aggregates-profile.mjs, native PostgreSQL 15),
-- against targets of 150 ms, and it grew with the archive (1.3-1.4 s at scale 60).
--
-- Three tables, each keyed first by the filtered (dimension, value), then as 018's rollups
-- (year, category, country, and what row security reads). An item counts once in each value
-- of the filtered dimension, as in 028: type, country of manufacture and marking are one
-- value per item, so a list of values sums exactly; an item may hold several response
-- classes, so only one class at a time is read from here. src/lib/server/rollup-sql.ts
-- decides when they answer (exactly one such key, every other key one of 018's).
--
-- atlas.dimension_pair_rollup: for each filtered (by_dimension, by_value), the items per
--   value of every chart and facet dimension (type, made_in, marking, decade, group,
--   response). Its rows whose dimension is the filtered one itself (value = by_value) give
--   the total, the years, the categories and the countries. 1.1M rows at scale 10.
-- atlas.case_dimension_rollup: the diversion cases of the items, for the distinct-case
--   count. It carries the case's own visibility (its country kept only where it is
--   restricted, as the cases' row security reads), so a count is one DISTINCT over the rows
--   of one value, not a join with every case the viewer may see (105 of the 345 ms above).
-- atlas.consignment_site_dimension_rollup: (consignment, recovery site) pairs, for the
--   routes the summary counts, as 018's consignment_site_rollup.
--
-- Kept current by statement triggers on item_facts, from the same signed changes as 018
-- (atlas.fact_changes_sql), in the same transaction as the change; and, for the case
-- visibility, by triggers on atlas.diversion_cases (a case published or restricted changes
-- no fact).

CREATE TABLE IF NOT EXISTS atlas.dimension_pair_rollup (
  by_dimension text NOT NULL,
  by_value text NOT NULL,
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
  weapons_aged integer NOT NULL,
  over10 integer NOT NULL,
  over20 integer NOT NULL,
  over30 integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS dimension_pair_rollup_key ON atlas.dimension_pair_rollup
  (by_dimension, by_value, dimension, value, documented_on, category, country_iso3, item_visibility, place_visibility,
   item_partition_iso3, synthetic) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS dimension_pair_rollup_emptied ON atlas.dimension_pair_rollup (by_dimension) WHERE items = 0;

CREATE TABLE IF NOT EXISTS atlas.case_dimension_rollup (
  dimension text NOT NULL,
  value text NOT NULL,
  case_id integer NOT NULL,
  country_iso3 char(3) NOT NULL,
  documented_on date NOT NULL,
  category atlas.item_category NOT NULL,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  item_partition_iso3 char(3),
  synthetic boolean NOT NULL,
  -- Null while the case has no row (a fact may name a case id before its row exists): then
  -- no reader sees the row, as a join with atlas.diversion_cases would drop it.
  case_visibility atlas.visibility,
  case_partition_iso3 char(3),
  items integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS case_dimension_rollup_key ON atlas.case_dimension_rollup
  (dimension, value, case_id, documented_on, category, country_iso3, item_visibility, place_visibility,
   item_partition_iso3, synthetic) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS case_dimension_rollup_emptied ON atlas.case_dimension_rollup (dimension) WHERE items = 0;
-- A case published, restricted, drafted or moved updates its rows through this.
CREATE INDEX IF NOT EXISTS case_dimension_rollup_case_idx ON atlas.case_dimension_rollup (case_id);

CREATE TABLE IF NOT EXISTS atlas.consignment_site_dimension_rollup (
  dimension text NOT NULL,
  value text NOT NULL,
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
CREATE UNIQUE INDEX IF NOT EXISTS consignment_site_dimension_rollup_key ON atlas.consignment_site_dimension_rollup
  (dimension, value, consignment_id, site_id, documented_on, category, country_iso3, item_visibility, place_visibility,
   item_partition_iso3, synthetic) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS consignment_site_dimension_rollup_emptied ON atlas.consignment_site_dimension_rollup (dimension) WHERE items = 0;

DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['dimension_pair_rollup', 'consignment_site_dimension_rollup'] LOOP
    EXECUTE format('ALTER TABLE atlas.%I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('GRANT SELECT ON atlas.%I TO atlas_reader', t);
    EXECUTE format('DROP POLICY IF EXISTS visible_to_viewer ON atlas.%I', t);
    EXECUTE format('CREATE POLICY visible_to_viewer ON atlas.%I FOR SELECT TO atlas_reader
      USING (atlas.can_see(item_visibility, item_partition_iso3) AND atlas.can_see(place_visibility, country_iso3))', t);
  END LOOP;
END $$;
ALTER TABLE atlas.case_dimension_rollup ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON atlas.case_dimension_rollup TO atlas_reader;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.case_dimension_rollup;
-- The facts' rule and the case's own: a case counts when the viewer may see it and one of
-- its items they may see matches.
CREATE POLICY visible_to_viewer ON atlas.case_dimension_rollup FOR SELECT TO atlas_reader
  USING (atlas.can_see(item_visibility, item_partition_iso3) AND atlas.can_see(place_visibility, country_iso3)
    AND atlas.can_see(case_visibility, case_partition_iso3));

-- The (dimension, value) pairs a Filter may select one item by: its type, country of
-- manufacture and marking, and each distinct response class it holds (as 028).
-- The chart and facet dimensions add the decade of manufacture (weapons) and the holding party.
-- Written as SQL text for the statements below, over the change row `c`.
CREATE OR REPLACE FUNCTION atlas.filter_dimension_values_sql(charts boolean) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT format($q$(
      SELECT v.dimension, v.value FROM (VALUES ('type', c.item_type), ('made_in', c.made_in_iso3::text),
        ('marking', c.marking_state::text)%s) AS v (dimension, value)
      WHERE v.value IS NOT NULL
      UNION ALL
      SELECT DISTINCT 'response', class FROM unnest(c.response_classes) AS class
    )$q$, CASE WHEN charts THEN $v$, ('decade', c.decade::text), ('group', c.holding_party_id::text)$v$ ELSE '' END)
$$;

-- The statements adding signed changes (atlas.fact_changes_sql) to the three rollups, each
-- followed by the one deleting the rows it emptied. Keys in index order, as 018, so
-- concurrent writers lock shared rows in the same order.
CREATE OR REPLACE FUNCTION atlas.dimension_filter_statements(changes text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    format($q$
    INSERT INTO atlas.dimension_pair_rollup AS r (by_dimension, by_value, dimension, value, documented_on, category,
      country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic, items, units, weapons_aged, over10, over20, over30)
    SELECT b.dimension, b.value, d.dimension, d.value, c.documented_on, c.category, c.country_iso3, c.item_visibility,
      c.place_visibility, c.item_partition_iso3, c.synthetic, sum(c.sign), sum(c.sign * c.quantity),
      coalesce(sum(c.sign) FILTER (WHERE c.age IS NOT NULL), 0), coalesce(sum(c.sign) FILTER (WHERE c.age > 10), 0),
      coalesce(sum(c.sign) FILTER (WHERE c.age > 20), 0), coalesce(sum(c.sign) FILTER (WHERE c.age > 30), 0)
    FROM (%s) AS c
    CROSS JOIN LATERAL %s AS b
    CROSS JOIN LATERAL %s AS d
    -- The filtered dimension against itself only at its own value: those rows are the totals.
    WHERE d.dimension <> b.dimension OR d.value = b.value
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.quantity) <> 0 OR sum(c.sign) FILTER (WHERE c.age IS NOT NULL) <> 0
      OR sum(c.sign) FILTER (WHERE c.age > 10) <> 0 OR sum(c.sign) FILTER (WHERE c.age > 20) <> 0
      OR sum(c.sign) FILTER (WHERE c.age > 30) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ON CONFLICT (by_dimension, by_value, dimension, value, documented_on, category, country_iso3, item_visibility,
      place_visibility, item_partition_iso3, synthetic)
    DO UPDATE SET items = r.items + EXCLUDED.items, units = r.units + EXCLUDED.units,
      weapons_aged = r.weapons_aged + EXCLUDED.weapons_aged, over10 = r.over10 + EXCLUDED.over10,
      over20 = r.over20 + EXCLUDED.over20, over30 = r.over30 + EXCLUDED.over30
  $q$, changes, atlas.filter_dimension_values_sql(false), atlas.filter_dimension_values_sql(true)),
    'DELETE FROM atlas.dimension_pair_rollup WHERE items = 0',
    -- The case's visibility as it is now; a removal whose case is gone already (its
    -- case_items went with it) still subtracts, by the key, which has no visibility.
    format($q$
    INSERT INTO atlas.case_dimension_rollup AS r (dimension, value, case_id, documented_on, category, country_iso3,
      item_visibility, place_visibility, item_partition_iso3, synthetic, case_visibility, case_partition_iso3, items)
    SELECT b.dimension, b.value, k.case_id, c.documented_on, c.category, c.country_iso3, c.item_visibility,
      c.place_visibility, c.item_partition_iso3, c.synthetic, d.visibility,
      CASE WHEN d.visibility = 'restricted' THEN d.country_iso3 END, sum(c.sign)
    FROM (%s) AS c
    CROSS JOIN LATERAL unnest(c.case_ids) AS k (case_id)
    CROSS JOIN LATERAL %s AS b
    LEFT JOIN atlas.diversion_cases d ON d.id = k.case_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    HAVING sum(c.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (dimension, value, case_id, documented_on, category, country_iso3, item_visibility, place_visibility,
      item_partition_iso3, synthetic)
    DO UPDATE SET items = r.items + EXCLUDED.items, case_visibility = coalesce(EXCLUDED.case_visibility, r.case_visibility),
      case_partition_iso3 = CASE WHEN EXCLUDED.case_visibility IS NULL THEN r.case_partition_iso3 ELSE EXCLUDED.case_partition_iso3 END
  $q$, changes, atlas.filter_dimension_values_sql(false)),
    'DELETE FROM atlas.case_dimension_rollup WHERE items = 0',
    format($q$
    INSERT INTO atlas.consignment_site_dimension_rollup AS r (dimension, value, consignment_id, site_id, documented_on,
      category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic, items)
    SELECT b.dimension, b.value, c.consignment_id, c.site_id, c.documented_on, c.category, c.country_iso3,
      c.item_visibility, c.place_visibility, c.item_partition_iso3, c.synthetic, sum(c.sign)
    FROM (%s) AS c
    CROSS JOIN LATERAL %s AS b
    WHERE c.consignment_id IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    HAVING sum(c.sign) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
    ON CONFLICT (dimension, value, consignment_id, site_id, documented_on, category, country_iso3, item_visibility,
      place_visibility, item_partition_iso3, synthetic)
    DO UPDATE SET items = r.items + EXCLUDED.items
  $q$, changes, atlas.filter_dimension_values_sql(false)),
    'DELETE FROM atlas.consignment_site_dimension_rollup WHERE items = 0'
  ]
$$;

-- Security definer: the case rollup reads every case's visibility, whoever changed the facts.
CREATE OR REPLACE FUNCTION atlas.roll_up_dimension_filters() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
  statement text;
BEGIN
  -- Every fact gone (the full refresh begins so): nothing to subtract, the rollups are empty.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM atlas.item_facts) THEN
    DELETE FROM atlas.dimension_pair_rollup;
    DELETE FROM atlas.case_dimension_rollup;
    DELETE FROM atlas.consignment_site_dimension_rollup;
    RETURN NULL;
  END IF;
  FOREACH statement IN ARRAY atlas.dimension_filter_statements(atlas.fact_changes_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM came'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM gone'
    ELSE 'SELECT 1 AS sign, * FROM came UNION ALL SELECT -1, * FROM gone' END)) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END $$;

-- A transition table may belong to one event only when declared, hence one trigger per event.
DO $$
DECLARE
  event text[];
BEGIN
  FOREACH event SLICE 1 IN ARRAY ARRAY[['insert', 'NEW TABLE AS came'], ['delete', 'OLD TABLE AS gone'],
      ['update', 'OLD TABLE AS gone NEW TABLE AS came']] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS item_facts_roll_up_dimension_filters_%s ON atlas.item_facts', event[1]);
    EXECUTE format('CREATE TRIGGER item_facts_roll_up_dimension_filters_%s AFTER %s ON atlas.item_facts REFERENCING %s
      FOR EACH STATEMENT EXECUTE FUNCTION atlas.roll_up_dimension_filters()', event[1], upper(event[1]), event[2]);
  END LOOP;
END $$;

-- A case added, published, restricted, drafted or moved: its rows take its visibility now
-- (a deleted case takes its case_items, and so its facts' rows, with it).
CREATE OR REPLACE FUNCTION atlas.case_dimension_visibility() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
  UPDATE atlas.case_dimension_rollup r
  SET case_visibility = c.visibility, case_partition_iso3 = CASE WHEN c.visibility = 'restricted' THEN c.country_iso3 END
  FROM came c
  WHERE r.case_id = c.id
    AND (r.case_visibility IS DISTINCT FROM c.visibility
      OR r.case_partition_iso3 IS DISTINCT FROM CASE WHEN c.visibility = 'restricted' THEN c.country_iso3 END);
  RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS diversion_cases_dimension_visibility_insert ON atlas.diversion_cases;
CREATE TRIGGER diversion_cases_dimension_visibility_insert AFTER INSERT ON atlas.diversion_cases
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.case_dimension_visibility();
DROP TRIGGER IF EXISTS diversion_cases_dimension_visibility_update ON atlas.diversion_cases;
CREATE TRIGGER diversion_cases_dimension_visibility_update AFTER UPDATE ON atlas.diversion_cases
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.case_dimension_visibility();

-- Built from the facts as they are now (the triggers keep them from here on).
TRUNCATE atlas.dimension_pair_rollup, atlas.case_dimension_rollup, atlas.consignment_site_dimension_rollup;
DO $$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY atlas.dimension_filter_statements(atlas.fact_changes_sql('SELECT 1 AS sign, * FROM atlas.item_facts')) LOOP
    EXECUTE statement;
  END LOOP;
END $$;
ANALYZE atlas.dimension_pair_rollup, atlas.case_dimension_rollup, atlas.consignment_site_dimension_rollup;
