-- Sites tiles under a Filter on one item dimension (type, country of manufacture, marking or
-- response class) from a rollup, not from item rows. The rollups of 018 carry only time,
-- country and category, so `made_in=CHN` or `response=permissive` was counted over every
-- matching fact: at scale 10 (880k items) the z0 and z1 sites tiles took 170-230 ms at p95
-- with such a Filter, against 5 ms from the rollups (tests/bench/RESULTS.md, a2b80da).
--
-- One row per (dimension, value, site, year, category) and what row security reads, as
-- 018's rollups; an item counts once in each of its values, like atlas.dimension_rollup. A
-- type, country of manufacture and marking are one value per item, so summing the rows of
-- several values is exact for a list (`made_in=CHN,RUS`); an item may hold several response
-- classes, so only one response class at a time is read from here. src/lib/server/rollup-sql.ts
-- decides when this table answers (exactly one such key, the rest on 018's keys).
--
-- Kept current by its own statement triggers on item_facts, from the same signed changes as
-- 018 (atlas.fact_changes_sql), in the same transaction as the change.

CREATE TABLE IF NOT EXISTS atlas.site_dimension_rollup (
  dimension text NOT NULL,
  value text NOT NULL,
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
-- (dimension, value) first: a tile reads one value's rows and joins their sites.
CREATE UNIQUE INDEX IF NOT EXISTS site_dimension_rollup_key ON atlas.site_dimension_rollup
  (dimension, value, site_id, documented_on, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS site_dimension_rollup_emptied ON atlas.site_dimension_rollup (dimension) WHERE items = 0;

ALTER TABLE atlas.site_dimension_rollup ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON atlas.site_dimension_rollup TO atlas_reader;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.site_dimension_rollup;
CREATE POLICY visible_to_viewer ON atlas.site_dimension_rollup FOR SELECT TO atlas_reader
  USING (atlas.can_see(item_visibility, item_partition_iso3) AND atlas.can_see(place_visibility, country_iso3));

-- The statement adding signed changes (atlas.fact_changes_sql) to the rollup, then the one
-- deleting the rows it emptied. Keys in index order, as 018, so concurrent writers lock
-- shared rows in the same order.
CREATE OR REPLACE FUNCTION atlas.site_dimension_statements(changes text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    format($q$
    INSERT INTO atlas.site_dimension_rollup AS r (dimension, value, site_id, documented_on, category, item_visibility,
      place_visibility, item_partition_iso3, synthetic, country_iso3, items, units)
    SELECT d.dimension, d.value, c.site_id, c.documented_on, c.category, c.item_visibility, c.place_visibility,
      c.item_partition_iso3, c.synthetic, c.country_iso3, sum(c.sign), sum(c.sign * c.quantity)
    FROM (%s) AS c
    CROSS JOIN LATERAL (
      SELECT v.dimension, v.value FROM (VALUES ('type', c.item_type), ('made_in', c.made_in_iso3::text),
        ('marking', c.marking_state::text)) AS v (dimension, value)
      UNION ALL
      SELECT DISTINCT 'response', class FROM unnest(c.response_classes) AS class
    ) AS d
    WHERE d.value IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.quantity) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
    ON CONFLICT (dimension, value, site_id, documented_on, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3)
    DO UPDATE SET items = r.items + EXCLUDED.items, units = r.units + EXCLUDED.units
  $q$, changes),
    'DELETE FROM atlas.site_dimension_rollup WHERE items = 0'
  ]
$$;

CREATE OR REPLACE FUNCTION atlas.roll_up_site_dimensions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  -- Every fact gone (the full refresh begins so): nothing to subtract, the rollup is empty.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM atlas.item_facts) THEN
    DELETE FROM atlas.site_dimension_rollup;
    RETURN NULL;
  END IF;
  FOREACH statement IN ARRAY atlas.site_dimension_statements(atlas.fact_changes_sql(CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM came'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM gone'
    ELSE 'SELECT 1 AS sign, * FROM came UNION ALL SELECT -1, * FROM gone' END)) LOOP
    EXECUTE statement;
  END LOOP;
  RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS item_facts_roll_up_site_dimensions_insert ON atlas.item_facts;
CREATE TRIGGER item_facts_roll_up_site_dimensions_insert AFTER INSERT ON atlas.item_facts
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.roll_up_site_dimensions();
DROP TRIGGER IF EXISTS item_facts_roll_up_site_dimensions_delete ON atlas.item_facts;
CREATE TRIGGER item_facts_roll_up_site_dimensions_delete AFTER DELETE ON atlas.item_facts
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION atlas.roll_up_site_dimensions();
DROP TRIGGER IF EXISTS item_facts_roll_up_site_dimensions_update ON atlas.item_facts;
CREATE TRIGGER item_facts_roll_up_site_dimensions_update AFTER UPDATE ON atlas.item_facts
  REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.roll_up_site_dimensions();

-- Built from the facts as they are now (the triggers keep it from here on).
TRUNCATE atlas.site_dimension_rollup;
DO $$
DECLARE
  statement text;
BEGIN
  FOREACH statement IN ARRAY atlas.site_dimension_statements(atlas.fact_changes_sql('SELECT 1 AS sign, * FROM atlas.item_facts')) LOOP
    EXECUTE statement;
  END LOOP;
END $$;
ANALYZE atlas.site_dimension_rollup;
