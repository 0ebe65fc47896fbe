// The watch feeds (/feed.atom?<filter>): the newest items and cases published that match a
// Filter, as the public sees them, as Atom a feed reader parses.
import { parseFeed } from '@rowanmanning/feed-parser';
import type { TransactionSql } from 'postgres';
import { expect, it } from 'vitest';
import { parseFilter, type Filter } from '../../../src/lib/filter/filter-schema.ts';
import { readWatchEntries, WATCH_FEED_LENGTH } from '../../../src/lib/server/feeds/watch-feed.ts';
import { GET as feedAtom } from '../../../src/routes/feed.atom/+server.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { rolledBack } from '../rolled-back.ts';

const filterOf = (query: string): Filter => {
	const parsed = parseFilter(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.filter;
};

async function readAsPublic(tx: TransactionSql, filter: Filter) {
	await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true)`;
	return readWatchEntries(tx, filter);
}

describeEachBackend('watch feeds', (db, backend) => {
	useAppDatabase(backend.url);

	it('lists only items and cases matching the filter, newest release first', async () => {
		const entries = await rolledBack(db(), (tx) => readAsPublic(tx, filterOf('country=IRQ&category=weapon')));
		expect(entries.length).toBe(WATCH_FEED_LENGTH);
		const items = entries.filter((e) => e.kind === 'item').map((e) => e.id);
		const cases = entries.filter((e) => e.kind === 'case').map((e) => e.id);
		expect(items.length).toBeGreaterThan(0);
		expect(cases.length).toBeGreaterThan(0);
		const [matching] = await db()`SELECT
			(SELECT count(*)::int FROM atlas.item_facts f WHERE f.item_id = ANY(${items}) AND f.country_iso3 = 'IRQ' AND f.category = 'weapon') AS items,
			(SELECT count(DISTINCT c)::int FROM atlas.item_facts f, unnest(f.case_ids) c
			  WHERE c = ANY(${cases}) AND f.country_iso3 = 'IRQ' AND f.category = 'weapon') AS cases`;
		expect(matching).toEqual({ items: items.length, cases: cases.length });
		const releases = entries.map((e) => e.release);
		expect(releases).toEqual([...releases].sort((a, b) => b - a));
	});

	it('puts a record published by the latest release first, and never shows it once unpublished', async () => {
		await rolledBack(db(), async (tx) => {
			const [draft] = await tx`SELECT i.id FROM atlas.items i JOIN atlas.item_facts f ON f.item_id = i.id
				WHERE i.visibility = 'draft' AND f.place_visibility = 'public' AND f.country_iso3 = 'SYR' ORDER BY i.id LIMIT 1`;
			await tx`UPDATE atlas.items SET visibility = 'public' WHERE id = ${draft.id}`;
			const [release] = await tx`SELECT atlas.publish_release('publishes one Syrian item') AS number`;
			await tx`SAVEPOINT published`;
			const published = await readAsPublic(tx, filterOf('country=SYR'));
			expect(published.filter((e) => e.kind === 'item')[0]).toMatchObject({ kind: 'item', id: draft.id, release: release.number });
			await tx`ROLLBACK TO SAVEPOINT published`;

			await tx`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${draft.id}`;
			const hidden = await readAsPublic(tx, filterOf('country=SYR'));
			expect(hidden.map((e) => `${e.kind}:${e.id}`)).not.toContain(`item:${draft.id}`);
		});
	});

	it('answers Atom a feed reader parses, each entry linking its record page, demo rows marked', async () => {
		const response = await call(feedAtom, '/feed.atom?country=IRQ');
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
		const feed = parseFeed(await response.text());
		expect(feed.meta.type).toBe('atom');
		expect(feed.self).toBe('http://atlas.test/feed.atom?country=IRQ');
		expect(feed.items.length).toBe(WATCH_FEED_LENGTH);
		for (const item of feed.items) {
			expect(item.url).toMatch(/^http:\/\/atlas\.test\/(items|cases)\/\d+$/);
			expect(item.title).toMatch(/^\[Demo data\] (Item|Diversion case) \d+/);
			expect(item.published).toBeInstanceOf(Date);
		}
		const etag = response.headers.get('etag')!;
		expect((await call(feedAtom, '/feed.atom?country=IRQ', { headers: { 'if-none-match': etag } })).status).toBe(304);
	});

	it('refuses a bad filter with a 400 naming the field', async () => {
		const response = await call(feedAtom, '/feed.atom?country=IRQ&marking=scratched');
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ field: 'marking' });
	});
});
