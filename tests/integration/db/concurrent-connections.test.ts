import { expect, it } from 'vitest';
import { connect } from '../../../db/connect.ts';
import { describeEachBackend } from '../backends.ts';
import { bind, execute, flush, parse, wireClient } from './wire-client.ts';

// A pool of fresh connections, each sending extended-protocol batches (postgres.js's type
// lookup on connect, BEGIN, a parameterised query, COMMIT) at the same moment: on the
// embedded database they share one PGlite session, so batches must not interleave.
describeEachBackend('concurrent connections', (_db, backend) => {
	it('gives every transaction of a busy pool its own answer and no protocol error', async () => {
		const pool = connect(backend.url, { max: 16, application: 'diversion-atlas-test' });
		try {
			const asked = Array.from({ length: 400 }, (_, i) => i);
			const answers = await Promise.allSettled(
				asked.map((n) =>
					pool.begin(async (tx) => {
						const [row] = await tx<Array<{ n: number; label: string }>>`SELECT ${n}::int AS n, ${`row ${n}`}::text AS label`;
						const [array] = await tx<Array<{ ids: number[] }>>`SELECT ARRAY[${n}::int, ${n + 1}::int] AS ids`;
						return { ...row!, ids: array!.ids };
					})
				)
			);
			const failures = answers.filter((answer) => answer.status === 'rejected').map((answer) => String((answer as PromiseRejectedResult).reason));
			expect(failures).toEqual([]);
			const rows = answers.map((answer) => (answer as PromiseFulfilledResult<{ n: number; label: string; ids: number[] }>).value);
			expect(rows).toEqual(asked.map((n) => ({ n, label: `row ${n}`, ids: [n, n + 1] })));
		} finally {
			await pool.end();
		}
	});

	it('lets other connections go on when one leaves in the middle of a transaction', async () => {
		const leaving = connect(backend.url, { max: 1, application: 'diversion-atlas-test' });
		const staying = connect(backend.url, { max: 2, application: 'diversion-atlas-test' });
		try {
			const reserved = await leaving.reserve();
			await reserved`BEGIN`;
			await reserved`SELECT 1`;
			await leaving.end({ timeout: 0 });
			const [row] = await staying.begin((tx) => tx<Array<{ n: number }>>`SELECT 7::int AS n`);
			expect(row).toEqual({ n: 7 });
		} finally {
			await leaving.end({ timeout: 0 });
			await staying.end();
		}
	});

	it('answers every query pipelined after a failing one with its own rows', async () => {
		const one = connect(backend.url, { max: 1, application: 'diversion-atlas-test' });
		try {
			// Prepared first, so the pipeline below is Bind/Execute/Sync only.
			await one`SELECT ${'warm'}::text AS who`;
			await one`SELECT ${'1'}::int AS n`;
			const [bad, ...named] = await Promise.allSettled([
				one`SELECT ${'abc'}::int AS n`,
				...['alice', 'bob', 'carol'].map((who) => one<Array<{ who: string }>>`SELECT ${who}::text AS who`)
			]);
			expect(bad!.status).toBe('rejected');
			expect(named.map((answer) => (answer.status === 'fulfilled' ? answer.value[0]?.who : String(answer.reason)))).toEqual(['alice', 'bob', 'carol']);
		} finally {
			await one.end();
		}
	});

	it('rolls back the unfinished batch of a connection that vanishes before its Sync', async () => {
		const owner = connect(backend.url, { max: 1, application: 'diversion-atlas-test' });
		const table = `vanished_${Date.now()}`;
		try {
			await owner.unsafe(`CREATE TABLE public.${table} (x int)`);
			const client = await wireClient(backend.url);
			try {
				client.send(parse(`INSERT INTO public.${table} VALUES (1)`), bind(), execute(), flush());
				await client.until('C');
			} finally {
				client.socket.destroy();
			}
			await expect.poll(async () => (await owner.unsafe(`SELECT count(*)::int AS n FROM public.${table}`))[0]!.n, { timeout: 10_000 }).toBe(0);
		} finally {
			await owner.unsafe(`DROP TABLE IF EXISTS public.${table}`);
			await owner.end();
		}
	});

	it('forgets the prepared statements of connections that have closed', async () => {
		const probe = connect(backend.url, { max: 1, application: 'diversion-atlas-test' });
		const prepared = async () => (await probe<Array<{ n: number }>>`SELECT count(*)::int AS n FROM pg_prepared_statements`)[0]!.n;
		try {
			const before = await prepared();
			for (let round = 0; round < 10; round++) {
				const pool = connect(backend.url, { max: 4, application: 'diversion-atlas-test' });
				await Promise.all(Array.from({ length: 8 }, (_, i) => pool`SELECT ${i}::int AS i, ${round}::text AS round`));
				await pool.end();
			}
			await expect.poll(prepared, { timeout: 10_000 }).toBeLessThanOrEqual(before + 2);
		} finally {
			await probe.end();
		}
	});
});
