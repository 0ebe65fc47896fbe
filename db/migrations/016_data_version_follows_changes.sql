-- The data version moves in the same transaction as any change an answer could show, so
-- no ETag or cached answer outlives the commit. Before this only the seed loader bumped it,
-- and an administrator's UPDATE left every cache serving the old answer.
--
-- Once per transaction, not per statement: bumped_in remembers the transaction that last
-- moved it, and a later statement of the same transaction finds nothing to update (so the
-- NOTIFY of 021 fires once per commit). A statement that changed no row does not bump.
-- The row stays locked until commit, so concurrent writers move it one after the other.
ALTER TABLE atlas.data_version ADD COLUMN IF NOT EXISTS bumped_in bigint;

CREATE OR REPLACE FUNCTION atlas.bump_data_version() RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  -- Triggers given the argument 'every statement' have no transition table to look at.
  -- (Nested: the inner test is planned only when a transition table exists.)
  IF TG_OP <> 'TRUNCATE' AND TG_NARGS = 0 THEN
    IF NOT EXISTS (SELECT 1 FROM changed_rows) THEN RETURN NULL; END IF;
  END IF;
  UPDATE atlas.data_version SET version = version + 1, changed_at = now(), bumped_in = txid_current()
  WHERE bumped_in IS DISTINCT FROM txid_current();
  RETURN NULL;
END $$;
REVOKE EXECUTE ON FUNCTION atlas.bump_data_version() FROM PUBLIC;

-- Every table an answer reads: the publishable rows, their links and the reference tables.
-- Not users, sessions, the audit log or the version itself.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['countries', 'sources', 'reports', 'parties', 'sites', 'documentation_events',
    'items', 'item_photos', 'trace_requests', 'trace_request_items', 'trace_responses', 'trace_factors',
    'trace_response_factors', 'consignments', 'transfers', 'transfer_waypoints', 'routes', 'diversion_cases',
    'case_parties', 'case_items', 'case_sites', 'right_of_reply']
  LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER data_version_insert AFTER INSERT ON atlas.%I
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_data_version()', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER data_version_update AFTER UPDATE ON atlas.%I
      REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_data_version()', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER data_version_delete AFTER DELETE ON atlas.%I
      REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_data_version()', t);
    EXECUTE format('CREATE OR REPLACE TRIGGER data_version_truncate AFTER TRUNCATE ON atlas.%I
      FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_data_version()', t);
  END LOOP;
END $$;

-- The facts change with the tables above, except when rebuilt whole (refresh_item_facts()):
-- any statement on them bumps, without a transition table, which would copy all 880k rows
-- of a full rebuild twice more (the DELETE's and the INSERT's).
DO $$
DECLARE op text;
BEGIN
  FOREACH op IN ARRAY ARRAY['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'] LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER data_version_%s AFTER %s ON atlas.item_facts
      FOR EACH STATEMENT EXECUTE FUNCTION atlas.bump_data_version(%L)', lower(op), op, 'every statement');
  END LOOP;
END $$;
