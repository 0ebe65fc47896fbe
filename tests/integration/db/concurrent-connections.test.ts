import { expect, it } from 'vitest';
import { connect } from '../../../db/connect.ts';
import { describeEachBackend } from '../backends.ts';

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
});
