-- Indexes for the Filters the rollups cannot answer (src/lib/server/rollup-sql.ts), which read
-- item rows. Measured at scale 10 (880k facts, native PostGIS 15, public viewer, summary.sql
-- under a two-core machine at load ~20): group (holding party, 916 items) 1,878 -> 1.6 ms;
-- manufacturer (169 items) 1,318 -> 30 ms; made_in BGR (46,580 items) 2,032 -> 1,041 ms.
-- The equality operators on these types are leakproof, so row security lets the index serve.
CREATE INDEX IF NOT EXISTS item_facts_holder_idx ON atlas.item_facts (holding_party_id);
CREATE INDEX IF NOT EXISTS item_facts_manufacturer_idx ON atlas.item_facts (manufacturer_id);
CREATE INDEX IF NOT EXISTS item_facts_made_in_idx ON atlas.item_facts (made_in_iso3);
