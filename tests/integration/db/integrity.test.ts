// Integrity the schema promises (db/migrations): locked right-of-reply texts and the audit
// log cannot be rewritten, every write is audited with its actor, geometry is on real places
// and indexed, routes join up, and the migrations can run again without changing anything.
// Writes happen in a transaction that is always rolled back, so the shared seeded database
// stays as it was for the other test files.
import { expect, it } from 'vitest';
import type { Sql, TransactionSql } from 'postgres';
import { describeEachBackend } from '../backends.ts';
import { migrate, readMigrations } from '../../../db/migrate.ts';
import { rolledBack } from '../rolled-back.ts';

/** Tables the seed loads (db/seed/load.ts), countries first. */
const SEEDED = [
	'countries', 'sources', 'reports', 'parties', 'sites', 'documentation_events', 'consignments', 'items', 'item_photos',
	'trace_requests', 'trace_request_items', 'trace_responses', 'trace_response_factors', 'transfers',
	'transfer_waypoints', 'diversion_cases', 'case_parties', 'case_items', 'case_sites', 'routes', 'right_of_reply'
];

describeEachBackend('the database keeps its records intact', (db) => {
	it('refuses to update or delete a locked right-of-reply text', async () => {
		const [locked] = await db()`SELECT id, body FROM atlas.right_of_reply WHERE locked_on IS NOT NULL ORDER BY id LIMIT 1`;
		expect(locked).toBeDefined();
		await expect(rolledBack(db(), (tx) => tx`UPDATE atlas.right_of_reply SET body = body || ' (edited)' WHERE id = ${locked.id}`))
			.rejects.toThrow(/is locked/);
		await expect(rolledBack(db(), (tx) => tx`UPDATE atlas.right_of_reply SET locked_on = NULL WHERE id = ${locked.id}`))
			.rejects.toThrow(/is locked/);
		await expect(rolledBack(db(), (tx) => tx`DELETE FROM atlas.right_of_reply WHERE id = ${locked.id}`)).rejects.toThrow(/is locked/);
		const [after] = await db()`SELECT body FROM atlas.right_of_reply WHERE id = ${locked.id}`;
		expect(after.body).toBe(locked.body);
	});

	it('lets an unlocked draft reply be edited, and a locked one be superseded by a new, audited version', async () => {
		const [draft] = await db()`SELECT id FROM atlas.right_of_reply WHERE locked_on IS NULL ORDER BY id LIMIT 1`;
		expect(draft).toBeDefined();
		const edited = await rolledBack(db(), (tx) => tx`UPDATE atlas.right_of_reply SET body = 'edited draft' WHERE id = ${draft.id} RETURNING body`);
		expect(edited).toEqual([{ body: 'edited draft' }]);

		const [locked] = await db()`
			SELECT party_id, response_id, case_id, version FROM atlas.right_of_reply r
			WHERE locked_on IS NOT NULL AND NOT EXISTS (SELECT 1 FROM atlas.right_of_reply n
			  WHERE n.party_id = r.party_id AND n.response_id IS NOT DISTINCT FROM r.response_id
			    AND n.case_id IS NOT DISTINCT FROM r.case_id AND n.version > r.version)
			ORDER BY id LIMIT 1`;
		const result = await rolledBack(db(), async (tx) => {
			await tx`SELECT set_config('atlas.actor', 'integration-test editor', true)`;
			const [added] = await tx`
				INSERT INTO atlas.right_of_reply (party_id, response_id, case_id, version, body, locked_on, visibility)
				VALUES (${locked.party_id}, ${locked.response_id}, ${locked.case_id}, ${locked.version + 1},
				  'Revised agreed text.', current_date, 'public') RETURNING id, version`;
			const audit = await tx`SELECT actor, action FROM atlas.audit_log WHERE table_name = 'right_of_reply' AND ${added.id} = ANY (row_ids)`;
			return { added, audit };
		});
		expect(result.added.version).toBe(locked.version + 1);
		expect(result.audit).toEqual([{ actor: 'integration-test editor', action: 'INSERT' }]);
	});

	it('keeps the audit log append-only: UPDATE, DELETE and TRUNCATE raise', async () => {
		const [entry] = await db()`SELECT id FROM atlas.audit_log ORDER BY id LIMIT 1`;
		expect(entry).toBeDefined();
		await expect(rolledBack(db(), (tx) => tx`UPDATE atlas.audit_log SET actor = 'someone else' WHERE id = ${entry.id}`)).rejects.toThrow(/append-only/);
		await expect(rolledBack(db(), (tx) => tx`DELETE FROM atlas.audit_log WHERE id = ${entry.id}`)).rejects.toThrow(/append-only/);
		await expect(rolledBack(db(), (tx) => tx`TRUNCATE atlas.audit_log`)).rejects.toThrow(/append-only/);
		const [still] = await db()`SELECT actor FROM atlas.audit_log WHERE id = ${entry.id}`;
		expect(still).toBeDefined();
	});

	it("records the seed's inserts in the audit log: per table, rows logged under 'demo-data seed' equal rows loaded", async () => {
		const logged = await db()`
			SELECT table_name, sum(row_count)::int AS rows, bool_and(note IS NOT NULL) AS noted
			FROM atlas.audit_log WHERE actor = 'demo-data seed' AND action = 'INSERT' GROUP BY table_name`;
		const byTable = Object.fromEntries(logged.map((r) => [r.table_name, r]));
		const counts = await db().unsafe(SEEDED.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM atlas.${t}`).join(' UNION ALL '));
		for (const { t, n } of counts) {
			expect(n, t).toBeGreaterThan(0);
			expect(byTable[t]?.rows, t).toBe(n);
			expect(byTable[t]?.noted, t).toBe(true);
		}
	});

	it('audits an insert with the actor the writer set for its transaction', async () => {
		const result = await rolledBack(db(), async (tx) => {
			await tx`SELECT set_config('atlas.actor', 'integration-test', true), set_config('atlas.audit_note', 'audit check', true)`;
			const [source] = await tx`INSERT INTO atlas.sources (kind, name, synthetic) VALUES ('field_team', 'Audit check source', true) RETURNING id`;
			const audit = await tx`
				SELECT actor, action, row_count, row_ids, note FROM atlas.audit_log
				WHERE table_name = 'sources' AND ${source.id} = ANY (row_ids)`;
			return { id: source.id, audit };
		});
		expect(result.audit).toEqual([{ actor: 'integration-test', action: 'INSERT', row_count: 1, row_ids: [String(result.id)], note: 'audit check' }]);
		// Rolled back: neither the row nor its audit entry remains.
		const [left] = await db()`
			SELECT (SELECT count(*) FROM atlas.sources WHERE id = ${result.id})::int AS sources,
			  (SELECT count(*) FROM atlas.audit_log WHERE table_name = 'sources' AND actor = 'integration-test')::int AS audit`;
		expect(left).toEqual({ sources: 0, audit: 0 });
	});

	it('puts every synthetic site on a real town (GeoNames id) within 0.1 degree of its country shape', async () => {
		const [row] = await db()`
			SELECT count(*)::int AS sites,
			  count(*) FILTER (WHERE s.geonames_id IS NULL)::int AS without_town,
			  coalesce(array_agg(s.country_iso3 || ' ' || s.name ORDER BY s.id) FILTER (WHERE c.geom IS NULL
			    OR NOT (ST_Intersects(c.geom, s.geom) OR ST_DWithin(c.geom, s.geom, 0.1))), '{}') AS off_shape
			FROM atlas.sites s LEFT JOIN atlas.countries c ON c.iso3 = s.country_iso3
			WHERE s.synthetic`;
		expect(row.sites).toBeGreaterThan(1000);
		expect(row.without_town).toBe(0);
		expect(row.off_shape).toEqual([]);
	});

	it('has a GiST index on every geom and geom_3857 column', async () => {
		const columns = await db()`
			SELECT c.relname AS table_name, a.attname AS column_name,
			  EXISTS (SELECT 1 FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_am am ON am.oid = i.relam
			          WHERE x.indrelid = c.oid AND am.amname = 'gist' AND x.indkey[0] = a.attnum) AS gist
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'atlas' AND c.relkind = 'r' AND a.attname IN ('geom', 'geom_3857') AND a.attnum > 0 AND NOT a.attisdropped`;
		expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual(
			expect.arrayContaining(['countries.geom', 'countries.geom_3857', 'sites.geom', 'sites.geom_3857', 'routes.geom', 'routes.geom_3857'])
		);
		expect(columns.filter((c) => !c.gist).map((c) => `${c.table_name}.${c.column_name}`)).toEqual([]);
	});

	it('stores each site in web mercator as exactly ST_Transform(geom, 3857)', async () => {
		const [row] = await db()`
			SELECT count(*)::int AS sites,
			  count(*) FILTER (WHERE s.geom_3857 IS NULL OR ST_SRID(s.geom_3857) <> 3857
			    OR NOT ST_Equals(s.geom_3857, ST_Transform(s.geom, 3857)))::int AS mismatched
			FROM atlas.sites s`;
		expect(row.sites).toBeGreaterThan(0);
		expect(row.mismatched).toBe(0);
	});

	it("draws every route from its consignment's first waypoint to its recovery site", async () => {
		const [row] = await db()`
			WITH first_waypoint AS (
			  SELECT DISTINCT ON (t.consignment_id) t.consignment_id, w.geom
			  FROM atlas.transfers t JOIN atlas.transfer_waypoints w ON w.transfer_id = t.id
			  ORDER BY t.consignment_id, t.shipped_from NULLS FIRST, w.seq)
			SELECT count(*)::int AS routes,
			  count(*) FILTER (WHERE r.consignment_id IS NOT NULL)::int AS with_consignment,
			  count(*) FILTER (WHERE r.consignment_id IS NOT NULL
			    AND (f.geom IS NULL OR NOT ST_Equals(ST_StartPoint(r.geom), f.geom)))::int AS bad_start,
			  count(*) FILTER (WHERE NOT ST_Equals(ST_EndPoint(r.geom), s.geom))::int AS bad_end
			FROM atlas.routes r JOIN atlas.sites s ON s.id = r.site_id
			LEFT JOIN first_waypoint f ON f.consignment_id = r.consignment_id`;
		expect(row.with_consignment).toBeGreaterThan(100);
		expect({ bad_start: row.bad_start, bad_end: row.bad_end }).toEqual({ bad_start: 0, bad_end: 0 });
	});

	it('runs every migration again without error or change, after which migrate() applies nothing', async () => {
		const COUNTED = ['items', 'trace_requests', 'trace_responses', 'trace_factors', 'data_version', 'audit_log', 'countries'];
		const count = async (sql: Sql | TransactionSql) =>
			Object.fromEntries((await sql.unsafe(COUNTED.map((t) => `SELECT '${t}' AS t, count(*)::int AS n FROM atlas.${t}`).join(' UNION ALL ')))
				.map((r) => [r.t, r.n]));
		const before = await count(db());
		const migrations = readMigrations();
		expect(migrations.length).toBeGreaterThanOrEqual(8);
		// All files again, in order, in one transaction that is then rolled back.
		const after = await rolledBack(db(), async (tx) => {
			const counts: Record<string, Record<string, number>> = {};
			for (const migration of migrations) {
				await tx.unsafe(migration.text);
				counts[migration.name] = await count(tx);
			}
			return counts;
		});
		for (const migration of migrations) expect(after[migration.name], migration.name).toEqual(before);
		expect(await migrate(db())).toEqual([]);
		expect(await count(db())).toEqual(before);
		// Rebuilding the facts and rollups over and over (009, 014, 018, 028, 031, 032) dominates;
		// 120 s was enough on one 2-core machine; on a slower one it took 402 s embedded and 262 s
		// native, alone: a bound, not a speed claim.
	}, 1_200_000);
});
