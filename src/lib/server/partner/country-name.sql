-- A country's name.
-- :iso3  text  ISO 3166 alpha-3
-- Columns: name text
SELECT name FROM atlas.countries WHERE iso3 = (:iso3)::char(3)
