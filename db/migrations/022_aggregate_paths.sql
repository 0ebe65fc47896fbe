-- Distinct diversion cases under a rollup Filter without a DISTINCT over every case.
-- Counting the cases a Filter selects from atlas.case_rollup (018) meant a DISTINCT over one
-- row per (case, rollup key) and a join to every case the viewer may see: at scale 10
-- (165k cases, 237k visible case_rollup rows) 150-170 ms of the 180 ms explorer summary and
-- of the 200 ms chart aggregates with no filter, measured on native PostgreSQL 15.
--
-- A case counts when the viewer may see it and one of its case_rollup rows that the viewer
-- may see matches the Filter. That depends only on the case's visibility (and partition) and
-- on the set of its rollup keys, its *signature*. Cases sharing both are counted together:
-- at scale 10 165k cases have 14.8k (signature, visibility) pairs, whose keys are 25k rows.
-- So the count is a sum over signature rows that have a matching key row, each table under
-- the row security of what it stands for: the keys as the facts they come from (item and
-- place visibility, as every rollup), the counts as the cases (atlas.diversion_cases' policy,
-- can_see(visibility, country_iso3), with the country kept only where the case is restricted,
-- as the rollups keep the item's partition).
--
-- Kept current in the same transaction by statement triggers on atlas.item_facts (after the
-- rollup triggers, which fire first by name, so case_rollup is already current) and on
-- atlas.diversion_cases (a case published, restricted or moved to another country changes no
-- fact). Each recomputes the signatures of the cases its statement touched and applies the
-- difference; an unchanged case costs one index probe of case_rollup.

-- The signature each case has now (a case without visible-or-not rollup rows, or without a
-- case row, has none and is not listed).
CREATE TABLE IF NOT EXISTS atlas.case_signature_of (
  case_id integer PRIMARY KEY,
  signature text NOT NULL,
  case_visibility atlas.visibility NOT NULL,
  case_partition_iso3 char(3)
);

-- Cases per (signature, case visibility, partition).
CREATE TABLE IF NOT EXISTS atlas.case_signature_rollup (
  signature text NOT NULL,
  case_visibility atlas.visibility NOT NULL,
  case_partition_iso3 char(3),
  cases integer NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS case_signature_rollup_key ON atlas.case_signature_rollup
  (signature, case_visibility, case_partition_iso3) NULLS NOT DISTINCT;
CREATE INDEX IF NOT EXISTS case_signature_rollup_emptied ON atlas.case_signature_rollup (signature) WHERE cases = 0;

-- The rollup keys of each signature (the case_rollup key without the case).
CREATE TABLE IF NOT EXISTS atlas.case_signature_keys (
  signature text NOT NULL,
  country_iso3 char(3) NOT NULL,
  documented_on date NOT NULL,
  category atlas.item_category NOT NULL,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  item_partition_iso3 char(3),
  synthetic boolean NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS case_signature_keys_key ON atlas.case_signature_keys
  (signature, documented_on, category, country_iso3, item_visibility, place_visibility, item_partition_iso3, synthetic) NULLS NOT DISTINCT;

ALTER TABLE atlas.case_signature_keys ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON atlas.case_signature_keys TO atlas_reader;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.case_signature_keys;
CREATE POLICY visible_to_viewer ON atlas.case_signature_keys FOR SELECT TO atlas_reader
  USING (atlas.can_see(item_visibility, item_partition_iso3) AND atlas.can_see(place_visibility, country_iso3));
ALTER TABLE atlas.case_signature_rollup ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON atlas.case_signature_rollup TO atlas_reader;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.case_signature_rollup;
CREATE POLICY visible_to_viewer ON atlas.case_signature_rollup FOR SELECT TO atlas_reader
  USING (atlas.can_see(case_visibility, case_partition_iso3));
-- Which case has which signature names cases: not for readers.
ALTER TABLE atlas.case_signature_of ENABLE ROW LEVEL SECURITY;

-- The signatures of `ids` as case_rollup and atlas.diversion_cases hold them now: the keys in
-- one fixed order, as text, hashed (a case has up to a few dozen keys).
CREATE OR REPLACE FUNCTION atlas.case_signatures_now(ids integer[])
  RETURNS TABLE (case_id integer, signature text, case_visibility atlas.visibility, case_partition_iso3 char(3))
  LANGUAGE sql STABLE AS $$
  SELECT d.id, s.signature, d.visibility, CASE WHEN d.visibility = 'restricted' THEN d.country_iso3 END
  FROM atlas.diversion_cases d
  CROSS JOIN LATERAL (
    SELECT md5(string_agg(format('%s|%s|%s|%s|%s|%s|%s', r.documented_on, r.category, r.country_iso3, r.item_visibility,
        r.place_visibility, r.item_partition_iso3, r.synthetic), ';'
      ORDER BY r.documented_on, r.category, r.country_iso3, r.item_visibility, r.place_visibility, r.item_partition_iso3, r.synthetic)) AS signature
    FROM atlas.case_rollup r WHERE r.case_id = d.id
  ) AS s
  WHERE d.id = ANY(ids) AND s.signature IS NOT NULL
$$;

-- Brings the signature tables up to date for the cases `ids` (any that changed, or may have).
-- Security definer: it reads every case, whoever changed the facts.
CREATE OR REPLACE FUNCTION atlas.refresh_case_signatures(ids integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  -- The net change per (signature, visibility, partition): one upsert, so a row both left
  -- and joined by the cases of one statement is written once. Keys in index order, so
  -- concurrent writers lock shared rows in the same order.
  INSERT INTO atlas.case_signature_rollup AS r (signature, case_visibility, case_partition_iso3, cases)
  SELECT d.signature, d.case_visibility, d.case_partition_iso3, sum(d.delta)::int
  FROM (
    SELECT n.signature, n.case_visibility, n.case_partition_iso3, 1 AS delta FROM atlas.case_signatures_now(ids) AS n
    UNION ALL
    SELECT o.signature, o.case_visibility, o.case_partition_iso3, -1 FROM atlas.case_signature_of AS o WHERE o.case_id = ANY(ids)
  ) AS d
  GROUP BY 1, 2, 3
  HAVING sum(d.delta) <> 0
  ORDER BY 1, 2, 3
  ON CONFLICT (signature, case_visibility, case_partition_iso3) DO UPDATE SET cases = r.cases + EXCLUDED.cases;

  -- The keys of a signature seen for the first time, from one of its cases.
  INSERT INTO atlas.case_signature_keys (signature, country_iso3, documented_on, category, item_visibility, place_visibility,
    item_partition_iso3, synthetic)
  SELECT fresh.signature, r.country_iso3, r.documented_on, r.category, r.item_visibility, r.place_visibility,
    r.item_partition_iso3, r.synthetic
  FROM (
    SELECT DISTINCT ON (n.signature) n.signature, n.case_id
    FROM atlas.case_signatures_now(ids) AS n
    WHERE NOT EXISTS (SELECT 1 FROM atlas.case_signature_keys k WHERE k.signature = n.signature)
    ORDER BY n.signature, n.case_id
  ) AS fresh
  JOIN atlas.case_rollup r ON r.case_id = fresh.case_id;

  DELETE FROM atlas.case_signature_of WHERE case_id = ANY(ids);
  INSERT INTO atlas.case_signature_of (case_id, signature, case_visibility, case_partition_iso3)
  SELECT n.case_id, n.signature, n.case_visibility, n.case_partition_iso3 FROM atlas.case_signatures_now(ids) AS n;

  -- A signature no case has any more takes its keys with it.
  DELETE FROM atlas.case_signature_keys k
  WHERE k.signature IN (SELECT e.signature FROM atlas.case_signature_rollup e WHERE e.cases = 0)
    AND NOT EXISTS (SELECT 1 FROM atlas.case_signature_rollup s WHERE s.signature = k.signature AND s.cases <> 0);
  DELETE FROM atlas.case_signature_rollup WHERE cases = 0;
END $$;

-- After a change of facts: the cases the changed facts name, before or after.
CREATE OR REPLACE FUNCTION atlas.sign_cases_of_facts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Every fact gone (the full refresh begins so): no case has a signature.
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM atlas.item_facts) THEN
    DELETE FROM atlas.case_signature_of;
    DELETE FROM atlas.case_signature_rollup;
    DELETE FROM atlas.case_signature_keys;
    RETURN NULL;
  END IF;
  -- Only the transition tables this event has exist, so the query is chosen by event.
  IF TG_OP = 'INSERT' THEN
    PERFORM atlas.refresh_case_signatures(ARRAY(SELECT DISTINCT c FROM came, unnest(came.case_ids) AS c));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM atlas.refresh_case_signatures(ARRAY(SELECT DISTINCT c FROM gone, unnest(gone.case_ids) AS c));
  ELSE
    PERFORM atlas.refresh_case_signatures(ARRAY(SELECT c FROM came, unnest(came.case_ids) AS c
      UNION SELECT c FROM gone, unnest(gone.case_ids) AS c));
  END IF;
  RETURN NULL;
END $$;

-- After a change of cases: the cases changed.
CREATE OR REPLACE FUNCTION atlas.sign_changed_cases() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM atlas.refresh_case_signatures(ARRAY(SELECT id FROM came));
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM atlas.refresh_case_signatures(ARRAY(SELECT id FROM gone));
  ELSE
    PERFORM atlas.refresh_case_signatures(ARRAY(SELECT id FROM came UNION SELECT id FROM gone));
  END IF;
  RETURN NULL;
END $$;

-- Named after the rollup triggers (item_facts_roll_up_*): same-event triggers fire in name order.
DROP TRIGGER IF EXISTS item_facts_sign_cases_insert ON atlas.item_facts;
CREATE TRIGGER item_facts_sign_cases_insert AFTER INSERT ON atlas.item_facts
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.sign_cases_of_facts();
DROP TRIGGER IF EXISTS item_facts_sign_cases_delete ON atlas.item_facts;
CREATE TRIGGER item_facts_sign_cases_delete AFTER DELETE ON atlas.item_facts
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION atlas.sign_cases_of_facts();
DROP TRIGGER IF EXISTS item_facts_sign_cases_update ON atlas.item_facts;
CREATE TRIGGER item_facts_sign_cases_update AFTER UPDATE ON atlas.item_facts
  REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.sign_cases_of_facts();
DROP TRIGGER IF EXISTS diversion_cases_sign_insert ON atlas.diversion_cases;
CREATE TRIGGER diversion_cases_sign_insert AFTER INSERT ON atlas.diversion_cases
  REFERENCING NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.sign_changed_cases();
DROP TRIGGER IF EXISTS diversion_cases_sign_delete ON atlas.diversion_cases;
CREATE TRIGGER diversion_cases_sign_delete AFTER DELETE ON atlas.diversion_cases
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION atlas.sign_changed_cases();
DROP TRIGGER IF EXISTS diversion_cases_sign_update ON atlas.diversion_cases;
CREATE TRIGGER diversion_cases_sign_update AFTER UPDATE ON atlas.diversion_cases
  REFERENCING OLD TABLE AS gone NEW TABLE AS came FOR EACH STATEMENT EXECUTE FUNCTION atlas.sign_changed_cases();

-- Built from the cases as they are now (the triggers keep them from here on).
TRUNCATE atlas.case_signature_of, atlas.case_signature_rollup, atlas.case_signature_keys;
SELECT atlas.refresh_case_signatures(ARRAY(SELECT DISTINCT case_id FROM atlas.case_rollup));
ANALYZE atlas.case_signature_of, atlas.case_signature_rollup, atlas.case_signature_keys;

-- The item path (Filters on type, made_in, marking, response, case: rollup-sql.ts sends them
-- to item rows). Under row security PostgreSQL uses an index for a reader's condition only
-- when the operator's function is LEAKPROOF (as 011 did for geometry `&&`), and `&&` on
-- arrays is not: case=1 scanned every visible item (205 ms at scale 10 for 12 items; 6 ms
-- with the GIN index), response=dissuasive likewise. arrayoverlap and arraycontains compare
-- arrays element by element and answer true or false; their only errors (element types that
-- differ, no equality operator) depend on the types, never on a row's values. Needs a
-- superuser: elsewhere the portal still answers, slower, and says so.
-- Not enum_eq (which marking= would need for a plain index): tried, and it let the planner
-- read the visibility statistics of every row-secured table, which turned the marking search
-- (markings-search.sql) from an index probe per hit into a hash join over every item,
-- 540 -> 1,300 ms at scale 10.
DO $$ BEGIN
  ALTER FUNCTION arrayoverlap(anyarray, anyarray) LEAKPROOF;
  ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'arrayoverlap and arraycontains stay NOT LEAKPROOF (needs a superuser): case and response filters will not use their indexes under row security';
END $$;

-- The two broad item-path keys whose equality is leakproof as covering indexes: every column
-- the summary, the charts and the facet lists read, and the columns row security reads, so a
-- Filter on one of them is an index-only scan of its own items in key order instead of a
-- heap visit per item (at scale 10: made_in=BGR, 41k items, summary 129 -> 64 ms; type=assault
-- rifle, 122k items, 342 -> ~170 ms). The made_in one replaces 019's plain index. About
-- 110 MB each at scale 10: the price of answering these Filters without a rollup per key.
CREATE INDEX IF NOT EXISTS item_facts_made_in_cover ON atlas.item_facts (made_in_iso3) INCLUDE (site_id, documented_on,
  country_iso3, category, item_type, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids,
  consignment_id, quantity, year_made, item_visibility, place_visibility);
DROP INDEX IF EXISTS atlas.item_facts_made_in_idx;
CREATE INDEX IF NOT EXISTS item_facts_type_cover ON atlas.item_facts (item_type) INCLUDE (site_id, documented_on,
  country_iso3, category, made_in_iso3, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids,
  consignment_id, quantity, year_made, item_visibility, place_visibility);
-- marking= has no leakproof equality (above), but a partial index whose predicate the
-- Filter's condition implies serves it all the same (the planner proves the predicate; it
-- never evaluates the condition early): one covering index per marking state, the states
-- read from the enum, so together they hold each item once (at scale 10 about 110 MB;
-- marking=obliterated, 76k items: summary 418 -> 86 ms, facets 188 -> 61 ms). A state added
-- to atlas.marking_state later gets its index by the same statement in that migration.
DO $$
DECLARE
  state text;
BEGIN
  FOREACH state IN ARRAY enum_range(NULL::atlas.marking_state)::text[] LOOP
    EXECUTE format('CREATE INDEX IF NOT EXISTS %I ON atlas.item_facts (site_id) INCLUDE (documented_on, country_iso3,
      category, item_type, made_in_iso3, manufacturer_id, holding_party_id, response_classes, case_ids, consignment_id,
      quantity, year_made, item_visibility, place_visibility) WHERE marking_state = %L',
      'item_facts_marking_' || state || '_cover', state);
  END LOOP;
END $$;
-- Which of the cases an item path names the viewer may see, from the index alone (their
-- row security reads visibility and country_iso3).
CREATE INDEX IF NOT EXISTS diversion_cases_visible_idx ON atlas.diversion_cases (id) INCLUDE (visibility, country_iso3);

-- The trace requests a Filter selects (src/lib/server/filter-sql.ts requestCondition: a
-- request about an item that matches) read the facts of each requested item: 3k requests,
-- each an index probe of trace_request_items whose row security probes atlas.items, then one
-- of item_facts, 30-70 ms for any Filter beyond time at scale 10. atlas.request_item_facts is
-- that join kept as rows (5.6k at scale 10): each (request, item) pair with its item's facts
-- under the same column names, so the Filter condition applies unchanged, and what the
-- pair's row security needs: the facts' own predicate and trace_request_items' (the item's
-- chain visibility, partitioned by its country of manufacture as atlas.items is; the request
-- is the outer query's own row, under its own policy).
CREATE TABLE IF NOT EXISTS atlas.request_item_facts (
  request_id integer NOT NULL,
  item_id integer NOT NULL,
  geom_3857 geometry(Point, 3857) NOT NULL,
  documented_on date NOT NULL,
  country_iso3 char(3) NOT NULL,
  category atlas.item_category NOT NULL,
  item_type text NOT NULL,
  made_in_iso3 char(3),
  manufacturer_id integer,
  holding_party_id integer,
  response_classes text[] NOT NULL,
  marking_state atlas.marking_state NOT NULL,
  case_ids integer[] NOT NULL,
  consignment_id integer,
  item_visibility atlas.visibility NOT NULL,
  place_visibility atlas.visibility NOT NULL,
  chain_visibility atlas.visibility NOT NULL,
  PRIMARY KEY (request_id, item_id)
);
CREATE INDEX IF NOT EXISTS request_item_facts_item_idx ON atlas.request_item_facts (item_id);
-- Requests about items in a map view (/api/stats?bbox=) select on the item's point, as facts do.
CREATE INDEX IF NOT EXISTS request_item_facts_geom_3857_idx ON atlas.request_item_facts USING gist (geom_3857);
ALTER TABLE atlas.request_item_facts ENABLE ROW LEVEL SECURITY;
GRANT SELECT ON atlas.request_item_facts TO atlas_reader;
DROP POLICY IF EXISTS visible_to_viewer ON atlas.request_item_facts;
CREATE POLICY visible_to_viewer ON atlas.request_item_facts FOR SELECT TO atlas_reader
  USING (atlas.can_see(item_visibility, made_in_iso3) AND atlas.can_see(place_visibility, country_iso3)
    AND atlas.can_see(chain_visibility, made_in_iso3));

-- Rebuilds the pairs of the items `ids` from trace_request_items, item_facts and items as
-- they are now. Security definer: it reads every row, whoever made the change.
CREATE OR REPLACE FUNCTION atlas.refresh_request_item_facts(ids integer[]) RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_catalog AS $$
BEGIN
  IF cardinality(ids) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM atlas.request_item_facts WHERE item_id = ANY(ids);
  INSERT INTO atlas.request_item_facts (request_id, item_id, geom_3857, documented_on, country_iso3, category, item_type,
    made_in_iso3, manufacturer_id, holding_party_id, response_classes, marking_state, case_ids, consignment_id,
    item_visibility, place_visibility, chain_visibility)
  SELECT ri.request_id, f.item_id, f.geom_3857, f.documented_on, f.country_iso3, f.category, f.item_type,
    f.made_in_iso3, f.manufacturer_id, f.holding_party_id, f.response_classes, f.marking_state, f.case_ids, f.consignment_id,
    f.item_visibility, f.place_visibility, i.chain_visibility
  FROM atlas.trace_request_items ri
  JOIN atlas.item_facts f ON f.item_id = ri.item_id
  JOIN atlas.items i ON i.id = ri.item_id
  WHERE ri.item_id = ANY(ids)
  ORDER BY 1, 2;
END $$;

-- After a change of facts, of request links, or of an item's chain visibility (which the
-- facts do not carry): the items concerned. One function for the three tables: each names its
-- item column, and only the transition tables this event has exist.
CREATE OR REPLACE FUNCTION atlas.request_item_facts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  item text := TG_ARGV[0];
  ids integer[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM came', item) INTO ids;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('SELECT array_agg(DISTINCT %I) FROM gone', item) INTO ids;
  ELSE
    EXECUTE format('SELECT array_agg(DISTINCT x) FROM (SELECT %1$I AS x FROM came UNION ALL SELECT %1$I FROM gone) AS c', item) INTO ids;
  END IF;
  PERFORM atlas.refresh_request_item_facts(coalesce(ids, '{}'));
  RETURN NULL;
END $$;

DO $$
DECLARE
  t text[];
BEGIN
  FOREACH t SLICE 1 IN ARRAY ARRAY[['item_facts', 'item_id'], ['trace_request_items', 'item_id'], ['items', 'id']] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_request_facts_insert ON atlas.%1$I', t[1]);
    EXECUTE format('CREATE TRIGGER %1$s_request_facts_insert AFTER INSERT ON atlas.%1$I REFERENCING NEW TABLE AS came
      FOR EACH STATEMENT EXECUTE FUNCTION atlas.request_item_facts_follow(%2$L)', t[1], t[2]);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_request_facts_delete ON atlas.%1$I', t[1]);
    EXECUTE format('CREATE TRIGGER %1$s_request_facts_delete AFTER DELETE ON atlas.%1$I REFERENCING OLD TABLE AS gone
      FOR EACH STATEMENT EXECUTE FUNCTION atlas.request_item_facts_follow(%2$L)', t[1], t[2]);
    EXECUTE format('DROP TRIGGER IF EXISTS %1$s_request_facts_update ON atlas.%1$I', t[1]);
    EXECUTE format('CREATE TRIGGER %1$s_request_facts_update AFTER UPDATE ON atlas.%1$I REFERENCING OLD TABLE AS gone NEW TABLE AS came
      FOR EACH STATEMENT EXECUTE FUNCTION atlas.request_item_facts_follow(%2$L)', t[1], t[2]);
  END LOOP;
END $$;

TRUNCATE atlas.request_item_facts;
SELECT atlas.refresh_request_item_facts(ARRAY(SELECT DISTINCT item_id FROM atlas.trace_request_items));
ANALYZE atlas.request_item_facts;
