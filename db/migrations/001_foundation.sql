-- Schema, roles, enums and the visibility rule every publishable table shares.
-- Idempotent: every statement can run again on a database that already has it.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA IF NOT EXISTS atlas;

-- atlas_reader is the role every web request runs as (SET LOCAL ROLE), so row-level
-- security applies even though the connection itself may be a superuser.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_reader') THEN
    CREATE ROLE atlas_reader NOLOGIN;
  END IF;
END $$;
DO $$ BEGIN
  EXECUTE format('GRANT atlas_reader TO %I', current_user);
EXCEPTION WHEN others THEN NULL; -- already a member, or the cluster forbids it: SET ROLE tells
END $$;
GRANT USAGE ON SCHEMA atlas TO atlas_reader;

DO $$ BEGIN
  CREATE TYPE atlas.visibility AS ENUM ('draft', 'restricted', 'public');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.location_precision AS ENUM ('exact', 'town', 'district', 'region', 'country');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.documentation_context AS ENUM ('recovered', 'surrendered', 'cached', 'seized', 'held');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.verification_state AS ENUM ('unverified', 'corroborated', 'verified');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.item_category AS ENUM ('weapon', 'ammunition', 'related', 'ied', 'dual_use');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.marking_state AS ENUM ('intact', 'partial', 'obliterated', 'none');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.construction_note AS ENUM ('polymer', '3d_printed', 'modular', 'artisanal_copy', 'counterfeit');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.party_kind AS ENUM ('manufacturer', 'state', 'company', 'broker', 'armed_group', 'state_force');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.source_kind AS ENUM ('field_team', 'un_panel', 'national_authority', 'news_organisation', 'publication');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.trace_request_kind AS ENUM ('primary', 'secondary');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.trace_response_class AS ENUM ('expansive', 'permissive', 'dissuasive');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.trace_factor_kind AS ENUM ('limiting', 'supporting');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.trace_failure AS ENUM ('recipient_dissolved', 'no_reply');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.diversion_mechanism AS ENUM ('stockpile_leakage', 'battlefield_capture', 'state_supply', 'in_transit', 'theft', 'unknown');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.waypoint_role AS ENUM ('origin', 'port_of_loading', 'transit', 'port_of_unloading', 'destination');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.route_status AS ENUM ('reconstructed', 'suspected');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;
DO $$ BEGIN
  CREATE TYPE atlas.user_role AS ENUM ('staff', 'partner', 'reader');
EXCEPTION WHEN duplicate_object THEN NULL; END $$;

-- The viewer is set per request, inside the request's transaction, by the server.
CREATE OR REPLACE FUNCTION atlas.viewer_role() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT coalesce(nullif(current_setting('atlas.viewer_role', true), ''), 'public') $$;

CREATE OR REPLACE FUNCTION atlas.viewer_country() RETURNS text
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$ SELECT nullif(current_setting('atlas.viewer_country', true), '') $$;

-- partition_iso3 is the country whose partner may see a restricted row: for items the
-- country of manufacture, for trace correspondence the recipient's country.
CREATE OR REPLACE FUNCTION atlas.can_see(v atlas.visibility, partition_iso3 text) RETURNS boolean
  LANGUAGE sql STABLE PARALLEL SAFE
  AS $$
    SELECT v = 'public'
        OR atlas.viewer_role() = 'staff'
        OR (v = 'restricted' AND atlas.viewer_role() = 'partner'
            AND partition_iso3 IS NOT NULL AND partition_iso3 = atlas.viewer_country())
  $$;

-- Bumped whenever published data changes; tile and API caches key on it.
CREATE TABLE IF NOT EXISTS atlas.data_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version bigint NOT NULL DEFAULT 1,
  changed_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO atlas.data_version (singleton) VALUES (true) ON CONFLICT DO NOTHING;
