-- Flows: the items matching the Filter, summed from their country of manufacture to the
-- country where they were recovered, one row per ordered pair of countries. Items recovered
-- in the country that made them are no flow and are left out; so are items of unknown make.
-- Row security on item_facts decides which items count, like every other answer.
-- Parameters: :filter (over item_facts f).
-- Columns: from, to (ISO 3166 alpha-3), items, units, fromLon, fromLat, toLon, toLat
--          (the countries' label points; a dissolved state, which has no shape of its own,
--          starts at its successor's: the Soviet Union's flows at Russia's; null without either).
WITH pairs AS (
  SELECT f.made_in_iso3 AS from_iso3, f.country_iso3 AS to_iso3, count(*)::int AS items, sum(f.quantity)::float8 AS units
  FROM atlas.item_facts f
  WHERE f.made_in_iso3 IS NOT NULL AND f.made_in_iso3 <> f.country_iso3 AND :filter
  GROUP BY f.made_in_iso3, f.country_iso3
),
places AS (
  SELECT c.iso3, coalesce(c.label_point, s.label_point) AS point
  FROM atlas.countries c LEFT JOIN atlas.countries s ON s.iso3 = c.successor_iso3
)
SELECT p.from_iso3::text AS "from", p.to_iso3::text AS "to", p.items, p.units,
  round(ST_X(o.point)::numeric, 4)::float8 AS "fromLon", round(ST_Y(o.point)::numeric, 4)::float8 AS "fromLat",
  round(ST_X(d.point)::numeric, 4)::float8 AS "toLon", round(ST_Y(d.point)::numeric, 4)::float8 AS "toLat"
FROM pairs p
LEFT JOIN places o ON o.iso3 = p.from_iso3
LEFT JOIN places d ON d.iso3 = p.to_iso3
ORDER BY p.items DESC, p.from_iso3, p.to_iso3
