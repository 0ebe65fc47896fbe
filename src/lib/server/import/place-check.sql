-- Where each row's point lies against its stated country of recovery.
-- :points  JSON array of { n, lat, lon, country }: n is the row number.
-- Output: n; has_shape (the country has a shape to check against: former states have
-- none); near (inside the country or within 25 km of its border, since coastal towns fall
-- just outside the Natural Earth shapes); swapped_inside (not near, but with latitude and
-- longitude exchanged the point falls inside the country: the columns were swapped).
WITH given AS (
  SELECT p.n, p.country, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326) AS point,
    CASE WHEN abs(p.lon) <= 90 THEN ST_SetSRID(ST_MakePoint(p.lat, p.lon), 4326) END AS swapped
  FROM json_to_recordset(:points::text::json) AS p(n integer, lat double precision, lon double precision, country text)
), placed AS (
  SELECT g.n, g.swapped, c.geom,
    CASE WHEN c.geom IS NULL THEN NULL
         WHEN ST_Intersects(c.geom, g.point) THEN true
         ELSE ST_DWithin(c.geom::geography, g.point::geography, 25000) END AS near
  FROM given g JOIN atlas.countries c ON c.iso3 = g.country
)
SELECT n, geom IS NOT NULL AS has_shape, coalesce(near, true) AS near,
  CASE WHEN near IS DISTINCT FROM false OR swapped IS NULL THEN false ELSE ST_Intersects(geom, swapped) END AS swapped_inside
FROM placed
