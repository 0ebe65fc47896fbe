import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../../db/connect.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../../db/embedded.ts';
import { bind, execute, flush, parse, wireClient } from '../db/wire-client.ts';

const idleTimeoutMs = 1_500;
const withPassword = (url: string, password: string | null) => {
	const changed = new URL(url);
	changed.password = password ?? '';
	return changed.toString();
};

// A private embedded database (its own data directory, a short idle timeout), since these
// tests kill it and hold its one session.
describe('the embedded database', () => {
	let dir: string;
	let db: EmbeddedDatabase;

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'atlas-embedded-'));
		db = await startEmbeddedDatabase(join(dir, 'pglite'), 0, { idleTimeoutMs });
	}, 120_000);

	afterAll(async () => {
		await db?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('refuses a connection without the secret of this start, or with a wrong one', async () => {
		for (const password of [null, 'postgres', `${db.password}x`]) {
			const stranger = connect(withPassword(db.url, password), { max: 1, application: 'diversion-atlas-test', connectTimeout: 5 });
			try {
				await expect(stranger`SELECT 1 AS n`).rejects.toMatchObject({ code: '28P01' });
			} finally {
				await stranger.end({ timeout: 0 });
			}
		}
		const owner = connect(db.url, { max: 1, application: 'diversion-atlas-test' });
		try {
			expect(await owner`SELECT 1::int AS n`).toEqual([{ n: 1 }]);
		} finally {
			await owner.end();
		}
		expect(db.url).toMatch(/^postgres:\/\/postgres:[\w-]{32}@127\.0\.0\.1:\d+\/postgres$/);
	});

	it('rolls back and closes a connection idle inside a transaction, and lets everyone else go on', async () => {
		const idle = connect(db.url, { max: 1, application: 'diversion-atlas-test' });
		const others = connect(db.url, { max: 2, application: 'diversion-atlas-test' });
		const table = `idle_${Date.now()}`;
		try {
			await others.unsafe(`CREATE TABLE public.${table} (x int)`);
			let insideTransaction!: () => void;
			const holding = new Promise<void>((resolve) => (insideTransaction = resolve));
			const transaction = idle.begin(async (tx) => {
				await tx.unsafe(`INSERT INTO public.${table} VALUES (1)`);
				insideTransaction();
				// A client that forgets its transaction: nothing is sent for longer than the timeout.
				await new Promise((resolve) => setTimeout(resolve, idleTimeoutMs * 3));
				await tx`SELECT 1`;
			});
			const outcome = transaction.then(
				() => 'committed',
				(error: { code?: string }) => error.code ?? 'failed'
			);
			await holding;
			const asked = Date.now();
			const [row] = await others`SELECT 7::int AS n`;
			const waited = Date.now() - asked;
			expect(row).toEqual({ n: 7 });
			// It waited for the idle owner at most about the timeout, not for ever.
			expect(waited).toBeLessThan(idleTimeoutMs + 2_000);
			expect(await outcome).not.toBe('committed');
			expect((await others.unsafe(`SELECT count(*)::int AS n FROM public.${table}`))[0]!.n).toBe(0);
		} finally {
			await others.unsafe(`DROP TABLE IF EXISTS public.${table}`);
			await idle.end({ timeout: 0 });
			await others.end();
		}
	});

	it('times out a batch left without its Sync the same way', async () => {
		const client = await wireClient(db.url);
		const others = connect(db.url, { max: 1, application: 'diversion-atlas-test' });
		try {
			const closed = new Promise<void>((resolve) => client.socket.once('close', () => resolve()));
			// Parse/Bind/Execute of a statement, then nothing: the session stays with this client.
			client.send(parse('SELECT 1'), bind(), execute(), flush());
			await client.until('C');
			const asked = Date.now();
			expect(await others`SELECT 8::int AS n`).toEqual([{ n: 8 }]);
			expect(Date.now() - asked).toBeLessThan(idleTimeoutMs + 2_000);
			await closed;
		} finally {
			client.socket.destroy();
			await others.end();
		}
	});

	it('is restarted on the same port and data when it dies, and a pool recovers', async () => {
		const pool = connect(db.url, { max: 4, application: 'diversion-atlas-test' });
		try {
			await pool`CREATE TABLE IF NOT EXISTS public.survives (x int)`;
			await pool`INSERT INTO public.survives VALUES (42)`;
			const before = db.pid();
			expect(before).toBeGreaterThan(0);
			process.kill(before!, 'SIGKILL');
			await expect.poll(() => db.restarts(), { timeout: 5_000 }).toBe(1);
			// Same URL, same pool: it reconnects once the database is back (reopening takes ~3 s).
			await expect
				.poll(async () => (await pool`SELECT x FROM public.survives`.catch(() => [])).map((row) => row.x), { timeout: 60_000, interval: 500 })
				.toEqual([42]);
			expect(db.pid()).not.toBe(before);
		} finally {
			await pool.end({ timeout: 1 });
		}
	}, 90_000);
});
