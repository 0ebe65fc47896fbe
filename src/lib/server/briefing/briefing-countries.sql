-- The countries a briefing can be about: those with a recovery site the viewer may see (row
-- security decides), with the Diversion Digest's region each belongs to.
-- Parameters: none.
-- Columns: iso3 text, name text (English, countries.name), region text (digest_region, or NULL).
SELECT c.iso3::text AS iso3, c.name, c.digest_region AS region
FROM atlas.countries c
WHERE EXISTS (SELECT 1 FROM atlas.sites s WHERE s.country_iso3 = c.iso3)
ORDER BY c.name
