-- Under row-level security PostgreSQL uses an index for a reader's condition only when the
-- operator's function is LEAKPROOF, and PostGIS leaves `&&` unmarked: every tile and bbox
-- query scanned every visible item (60 ms per tile on PGlite; 7 ms with the index).
-- geometry_overlaps compares two bounding boxes and answers true or false; its only error
-- (mixed SRIDs) reveals no row's value. Changing it needs a superuser: elsewhere the portal
-- still works, just slower, and says so.
DO $$ BEGIN
  ALTER FUNCTION geometry_overlaps(geometry, geometry) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'geometry_overlaps stays NOT LEAKPROOF (needs a superuser): map queries will not use spatial indexes under row security';
END $$;
