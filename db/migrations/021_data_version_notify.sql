-- Tells every app instance that published data changed, so each can key its caches on the
-- data version it holds in memory instead of reading it from the database per request
-- (src/lib/server/data-version.ts). PostgreSQL delivers a notification only when the
-- transaction that bumped the version commits, so a rolled-back change announces nothing
-- and a listener never learns a version whose data it cannot read yet.
-- Channel `atlas_data_version`; payload the new version as decimal text.
CREATE OR REPLACE FUNCTION atlas.notify_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('atlas_data_version', NEW.version::text);
  RETURN NULL;
END
$$;

DROP TRIGGER IF EXISTS data_version_notify ON atlas.data_version;
CREATE TRIGGER data_version_notify AFTER UPDATE ON atlas.data_version
  FOR EACH ROW EXECUTE FUNCTION atlas.notify_data_version();
