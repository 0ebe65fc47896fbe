// What a reader's transaction runs with (src/lib/server/viewer.sql): the reader role and the
// viewer's partition, custom plans, a statement timeout, no JIT compilation (it cost more than
// running a large aggregate on two cores), serial plans for tiles; and none of it outlives the
// transaction on the pooled connection.
import { expect, it } from 'vitest';
import { database } from '../../../src/lib/server/db.ts';
import { withViewer } from '../../../src/lib/server/viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';

const SETTINGS = `SELECT current_user::text AS role, current_setting('atlas.viewer_role', true) AS viewer,
	current_setting('atlas.viewer_country', true) AS country, current_setting('jit') AS jit,
	current_setting('plan_cache_mode') AS plans, current_setting('statement_timeout') AS timeout,
	current_setting('max_parallel_workers_per_gather') AS workers`;

describeEachBackend('a reader transaction', (_db, backend) => {
	useAppDatabase(backend.url);

	it("runs as the reader with the viewer's partition, custom plans, a statement timeout and no JIT", async () => {
		const [seen] = await withViewer({ role: 'partner', country: 'BGR' }, (tx) => tx.unsafe(SETTINGS));
		expect(seen).toMatchObject({ role: 'atlas_reader', viewer: 'partner', country: 'BGR', jit: 'off', plans: 'force_custom_plan', timeout: '15s' });
		const [tile] = await withViewer({ role: 'public' }, (tx) => tx.unsafe(SETTINGS), { serial: true });
		expect(tile).toMatchObject({ role: 'atlas_reader', viewer: 'public', country: '', jit: 'off', workers: '0' });
	});

	it('leaves nothing of the viewer on the pooled connection after it ends', async () => {
		await withViewer({ role: 'staff' }, (tx) => tx.unsafe(SETTINGS));
		// Every connection of the pool, so the one the reader used is among them.
		const after = await Promise.all(Array.from({ length: 8 }, () => database().unsafe(SETTINGS)));
		for (const [row] of after) {
			expect(row.role).not.toBe('atlas_reader');
			expect(row.viewer ?? '').toBe('');
			expect(row.plans).not.toBe('force_custom_plan');
		}
	});
});
