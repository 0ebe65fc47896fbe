-- One label point per country with a shape, for the basemap's names.
-- Parameters: none. Columns: iso3, name, conflict, lon, lat.
SELECT iso3::text AS iso3, name, conflict_affected AS conflict,
  round(ST_X(label_point)::numeric, 4)::float8 AS lon, round(ST_Y(label_point)::numeric, 4)::float8 AS lat
FROM atlas.countries
WHERE label_point IS NOT NULL
ORDER BY iso3
