import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Sql } from '../../../db/connect.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../db/embedded.ts';

/** Resolves once `check` holds, asking every 700 ms (the database must be left idle between); rejects after `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<void> {
	const deadline = Date.now() + ms;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error(`still not so after ${ms} ms`);
		await new Promise((r) => setTimeout(r, 700));
	}
}

// PGlite runs no autovacuum; the embedded server does its work (db/embedded-maintenance.ts).
// A private database whose maintenance looks every 200 ms instead of every 30 s.
describe('the embedded database keeps itself vacuumed', () => {
	let dir: string;
	let db: EmbeddedDatabase;
	let sql: Sql;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'atlas-embedded-maintenance-'));
		db = await startEmbeddedDatabase(join(dir, 'pglite'), 0, { maintenance: { checkEveryMs: 200, idleMs: 300, analyzeAfterBytes: 4 * 1024 * 1024 } });
		sql = connect(db.url, { max: 2, application: 'diversion-atlas-test' });
	}, 120_000);

	afterAll(async () => {
		await sql?.end();
		await db?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	const pages = async (table: string) => Number((await sql`SELECT pg_relation_size(${table}::regclass)::int AS size`)[0]!.size);

	it('gives back the space of deleted rows once nobody has used it for a moment', async () => {
		await sql`CREATE TABLE public.dead_rows (id int, pad text)`;
		await sql`INSERT INTO public.dead_rows SELECT g, repeat('x', 200) FROM generate_series(1, 20000) AS g`;
		await sql`DELETE FROM public.dead_rows`;
		// Dead rows fill its pages until a VACUUM, which also cuts the empty pages off the end.
		expect(await pages('public.dead_rows')).toBeGreaterThan(1_000_000);
		await eventually(async () => (await pages('public.dead_rows')) === 0, 15_000);
	}, 60_000);

	it('analyzes after much has been written, so the planner sees the rows that are there', async () => {
		await sql`CREATE TABLE public.grown (id int, kind text)`;
		const analyzed = async () => Number((await sql`SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = 'public' AND tablename = 'grown'`)[0]!.n) > 0;
		// Written in one go, more than the 4 MB of WAL this database is told to wait for.
		await sql`INSERT INTO public.grown SELECT g, 'kind ' || (g % 7) FROM generate_series(1, 200000) AS g`;
		expect(await analyzed()).toBe(false);
		await eventually(analyzed, 15_000);
		const [{ rows }] = await sql`SELECT reltuples::int AS rows FROM pg_class WHERE oid = 'public.grown'::regclass`;
		// ANALYZE estimates from a sample.
		expect(Math.abs(rows - 200000)).toBeLessThan(10000);
	}, 60_000);

	it('leaves an open transaction alone: the VACUUM waits for its end, and its work is kept', async () => {
		await sql`CREATE TABLE public.held (id int)`;
		await sql.begin(async (tx) => {
			await tx`INSERT INTO public.held SELECT g FROM generate_series(1, 1000) AS g`;
			// Longer than the maintenance waits between looks and for an idle database.
			await new Promise((r) => setTimeout(r, 1_500));
			await tx`DELETE FROM public.held WHERE id > 10`;
		});
		expect(Number((await sql`SELECT count(*)::int AS n FROM public.held`)[0]!.n)).toBe(10);
		// And the rows it deleted are vacuumed away after it: 10 rows fit in one page.
		await eventually(async () => (await pages('public.held')) === 8192, 15_000);
	}, 60_000);
});
