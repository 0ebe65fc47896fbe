-- The per-site dimension rollup of 028 without the year, as 018's atlas.site_total_rollup is
-- atlas.site_rollup without it: a Filter on one item dimension and no time range (the
-- world view's `made_in=CHN`) summed every year's row of every site. At scale 10 the z1
-- tile 1/1/0 under `made_in=CHN` read 30k rows of atlas.site_dimension_rollup and was the
-- slowest sites tile of the bench (65 ms at p95, tests/bench/RESULTS.md at 6f92259).
--
-- Kept by the same statement triggers as 028 (atlas.roll_up_site_dimensions), which now run
-- one more pair of statements: the signed changes summed without the year.
-- src/lib/server/rollup-sql.ts's siteDimensionRollup picks this table for a Filter without
-- time, as siteRollup picks atlas.site_total_rollup.

CREATE TABLE IF NOT EXISTS atlas.site_dimension_total_rollup (
  dimension text NOT NULL,
  value text NOT NULL,
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
CREATE UNIQUE INDEX IF NOT EXISTS site_dimension_total_rollup_key ON atlas.site_dimension_total_rollup
  (dimension, value, site_id, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS site_dimension_total_rollup_emptied ON atlas.site_dimension_total_rollup (dimension) WHERE items = 0;

ALTER TABLE atlas.site_dimension_total_rollup ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON atlas.site_dimension_total_rollup TO atlas_reader;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.site_dimension_total_rollup;
CREATE POLICY visible_to_viewer ON atlas.site_dimension_total_rollup FOR SELECT TO atlas_reader
  USING (atlas.can_see(item_visibility, item_partition_iso3) AND atlas.can_see(place_visibility, country_iso3));

-- 028's statements, once keyed by year and once not: the (dimension, value) pairs of a
-- signed change (atlas.fact_changes_sql) are listed in one place. Keys in index order, as
-- 018, so concurrent writers lock shared rows in the same order; the emptied rows go last.
CREATE OR REPLACE FUNCTION atlas.site_dimension_statements(changes text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT array_agg(format($q$
    INSERT INTO %1$s AS r (dimension, value, site_id, %2$s category, item_visibility,
      place_visibility, item_partition_iso3, synthetic, country_iso3, items, units)
    SELECT d.dimension, d.value, c.site_id, %3$s c.category, c.item_visibility, c.place_visibility,
      c.item_partition_iso3, c.synthetic, c.country_iso3, sum(c.sign), sum(c.sign * c.quantity)
    FROM (%4$s) AS c
    CROSS JOIN LATERAL (
      SELECT v.dimension, v.value FROM (VALUES ('type', c.item_type), ('made_in', c.made_in_iso3::text),
        ('marking', c.marking_state::text)) AS v (dimension, value)
      UNION ALL
      SELECT DISTINCT 'response', class FROM unnest(c.response_classes) AS class
    ) AS d
    WHERE d.value IS NOT NULL
    GROUP BY %5$s
    HAVING sum(c.sign) <> 0 OR sum(c.sign * c.quantity) <> 0
    ORDER BY %5$s
    ON CONFLICT (dimension, value, site_id, %2$s category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3)
    DO UPDATE SET items = r.items + EXCLUDED.items, units = r.units + EXCLUDED.units
  $q$, t.name, t.year_column, t.year_value, changes, t.keys) ORDER BY t.n)
    || ARRAY['DELETE FROM atlas.site_dimension_rollup WHERE items = 0', 'DELETE FROM atlas.site_dimension_total_rollup WHERE items = 0']
  FROM (VALUES
    (1, 'atlas.site_dimension_rollup', 'documented_on,', 'c.documented_on,', '1, 2, 3, 4, 5, 6, 7, 8, 9, 10'),
    (2, 'atlas.site_dimension_total_rollup', '', '', '1, 2, 3, 4, 5, 6, 7, 8, 9')
  ) AS t (n, name, year_column, year_value, keys)
$$;

CREATE OR REPLACE FUNCTION atlas.roll_up_site_dimensions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  statement text;
BEGIN
  -- Every fact gone (the full refresh begins so): nothing to subtract, the rollups are empty.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM atlas.item_facts) THEN
    DELETE FROM atlas.site_dimension_rollup;
    DELETE FROM atlas.site_dimension_total_rollup;
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

-- Built from the facts as they are now (the triggers keep it from here on). The yearly
-- rollup is left as it is: summed over its years it gives the same rows, and that is cheaper
-- than the facts.
TRUNCATE atlas.site_dimension_total_rollup;
INSERT INTO atlas.site_dimension_total_rollup (dimension, value, site_id, category, item_visibility, place_visibility,
  item_partition_iso3, synthetic, country_iso3, items, units)
SELECT dimension, value, site_id, category, item_visibility, place_visibility, item_partition_iso3, synthetic, country_iso3,
  sum(items), sum(units)
FROM atlas.site_dimension_rollup
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
ANALYZE atlas.site_dimension_total_rollup;
