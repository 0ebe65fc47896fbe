// Who may review: /admin/review and its actions send an anonymous reader to sign in (303 to
// /login?next=…), refuse a partner (403) and serve an editor; a bad query or form field is a
// 400 naming the field, never a 500.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { actions, load } from '../../../src/routes/admin/review/+page.server.ts';
import { load as repliesLoad } from '../../../src/routes/admin/review/replies/+page.server.ts';
import { load as partnerLoad } from '../../../src/routes/partner/+page.server.ts';
import type { Account } from '../../../src/lib/server/auth/account.ts';
import { viewerOf } from '../../../src/lib/server/auth/account.ts';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { editor } from './fixtures.ts';

const partner: Account = { id: 900_002, email: 'review.partner@atlas.test', role: 'partner', country: 'BEL' };

function event(path: string, account: Account | null, form?: Record<string, string | string[]>) {
	const url = new URL(path, 'http://atlas.test');
	const body = new FormData();
	for (const [key, value] of Object.entries(form ?? {})) for (const one of [value].flat()) body.append(key, one);
	const request = new Request(url, form ? { method: 'POST', body } : {});
	return { url, request, params: {}, locals: { account, viewer: viewerOf(account), locale: 'en' }, route: { id: null } } as never;
}

/** The status a load or action ends with: its data as 200, a redirect, an error or a fail. */
async function outcome(run: () => unknown): Promise<{ status: number; location?: string; data?: Record<string, unknown> }> {
	await dataVersion().refresh();
	try {
		const data = (await run()) as Record<string, unknown> & { status?: number; data?: Record<string, unknown> };
		if (data && typeof data.status === 'number' && 'data' in data) return { status: data.status, data: data.data };
		return { status: 200, data };
	} catch (thrown) {
		if (isRedirect(thrown)) return { status: thrown.status, location: thrown.location };
		if (isHttpError(thrown)) return { status: thrown.status };
		throw thrown;
	}
}

describeEachBackend('review: who may review', (db, backend) => {
	useAppDatabase(backend.url);

	it('sends an anonymous reader to sign in and back, from the queue, the replies and an action', async () => {
		expect(await outcome(() => load(event('/admin/review?state=verified', null)))).toEqual({ status: 303, location: '/login?next=%2Fadmin%2Freview%3Fstate%3Dverified' });
		expect((await outcome(() => repliesLoad(event('/admin/review/replies', null)))).status).toBe(303);
		expect((await outcome(() => actions.publish(event('/admin/review?/publish', null, { kind: 'events', id: '1', visibility: 'public', summary: 'x' })))).status).toBe(303);
	});

	it('refuses a partner the queue and every action with a 403, and an editor the partner dashboard', async () => {
		expect((await outcome(() => load(event('/admin/review', partner)))).status).toBe(403);
		for (const name of ['verify', 'publish', 'unpublish'] as const) {
			expect((await outcome(() => actions[name](event('/admin/review', partner, { kind: 'events', id: '1', summary: 'x', visibility: 'public' })))).status).toBe(403);
		}
		expect((await outcome(() => partnerLoad(event('/partner', editor)))).status).toBe(403);
	});

	it("serves an editor the queue in the state asked for, each entry in it", async () => {
		const { status, data } = await outcome(() => load(event('/admin/review?state=unverified&kind=events', editor)));
		expect(status).toBe(200);
		const queue = data!.queue as { entries: { state: string; kind: string }[]; total: number };
		const [drafts] = await db()`SELECT count(*)::int AS n FROM atlas.documentation_events WHERE visibility = 'draft' AND verification <> 'verified'`;
		expect(queue.total).toBe(drafts.n);
		expect(queue.entries.length).toBeGreaterThan(0);
		expect(queue.entries.every((entry) => entry.state === 'unverified' && entry.kind === 'events')).toBe(true);
	});

	it('answers a bad query or form field with a 400 naming it', async () => {
		expect((await outcome(() => load(event('/admin/review?state=gone', editor)))).status).toBe(400);
		const bad = async (form: Record<string, string | string[]>, name: 'publish' | 'unpublish' | 'verify' = 'publish') =>
			outcome(() => actions[name](event('/admin/review', editor, form)));
		expect(await bad({ kind: 'sites', id: '1', visibility: 'public', summary: 's' })).toEqual({ status: 400, data: { field: 'kind' } });
		expect(await bad({ kind: 'events', id: 'x', visibility: 'public', summary: 's' })).toEqual({ status: 400, data: { field: 'ids' } });
		expect(await bad({ kind: 'events', id: '1', visibility: 'draft', summary: 's' })).toEqual({ status: 400, data: { field: 'visibility' } });
		expect(await bad({ kind: 'events', id: '1', visibility: 'public', summary: '  ' })).toEqual({ status: 400, data: { field: 'summary' } });
		expect(await bad({ kind: 'cases', id: '1' }, 'unpublish')).toEqual({ status: 400, data: { field: 'summary' } });
	});
});
