// GET /api/sites/{id}: the panel lists what the map counts under the same Filter.
import { expect, it } from 'vitest';
import { parseFilter } from '../../../src/lib/filter/filter-schema.ts';
import { GET } from '../../../src/routes/api/sites/[id]/+server.ts';
import { readSiteDetail } from '../../../src/lib/server/records/site-detail.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';

function filter(query: string) {
	const parsed = parseFilter(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.filter;
}

describeEachBackend('site detail', (db) => {
	/** A public site holding both weapons and ammunition, with many events. */
	async function mixedSite(): Promise<number> {
		const [row] = await db()`SELECT site_id FROM atlas.item_facts WHERE visibility = 'public'
			GROUP BY site_id HAVING count(DISTINCT category) >= 3 AND count(DISTINCT event_id) > 5
			ORDER BY count(*) DESC, site_id LIMIT 1`;
		return row!.site_id as number;
	}

	it('narrows the items, events and totals to the filter (category=ammunition)', async () => {
		const siteId = await mixedSite();
		const page = { limit: 50, offset: 0 };
		const all = await asPublic(db(), (tx) => readSiteDetail(tx, siteId, filter(''), page));
		const ammunition = await asPublic(db(), (tx) => readSiteDetail(tx, siteId, filter('category=ammunition'), page));
		const categories = (detail: typeof all) => new Set(detail!.events.flatMap((e) => e.items.map((i) => i.category)));
		expect(categories(all).size).toBeGreaterThan(1);
		expect([...categories(ammunition)]).toEqual(['ammunition']);
		expect(ammunition!.totals.map((t) => t.category)).toEqual(['ammunition']);
		expect(ammunition!.totals[0]).toEqual(all!.totals.find((t) => t.category === 'ammunition'));
		expect(ammunition!.filter).toBe('category=ammunition');
		// No event is listed without an item that matches.
		expect(ammunition!.events.every((e) => e.items.length > 0)).toBe(true);
		expect(ammunition!.totalEvents).toBeLessThanOrEqual(all!.totalEvents);
	});

	it('lists events newest first, one page at a time', async () => {
		const siteId = await mixedSite();
		const first = await asPublic(db(), (tx) => readSiteDetail(tx, siteId, filter(''), { limit: 3, offset: 0 }));
		const second = await asPublic(db(), (tx) => readSiteDetail(tx, siteId, filter(''), { limit: 3, offset: 3 }));
		const days = [...first!.events, ...second!.events].map((e) => e.documentedOn);
		expect(days).toEqual([...days].sort().reverse());
		expect(first!.events).toHaveLength(3);
		expect(new Set([...first!.events, ...second!.events].map((e) => e.id)).size).toBe(first!.events.length + second!.events.length);
	});

	it('sums every listed item into the totals when the page holds all events', async () => {
		// A public site of several categories whose events all fit on one page of 50.
		const [row] = await asPublic(db(), (tx) => tx`SELECT site_id FROM atlas.item_facts
			GROUP BY site_id HAVING count(DISTINCT category) >= 2 AND count(DISTINCT event_id) BETWEEN 3 AND 50
			ORDER BY count(*) DESC, site_id LIMIT 1`);
		const detail = await asPublic(db(), (tx) => readSiteDetail(tx, row!.site_id as number, filter(''), { limit: 50, offset: 0 }));
		expect(detail!.totalEvents).toBeLessThanOrEqual(50);
		expect(detail!.events).toHaveLength(detail!.totalEvents);
		const listed = detail!.events.flatMap((e) => e.items).length;
		expect(listed).toBeGreaterThan(detail!.totalEvents - 1);
		expect(detail!.totals.reduce((sum, t) => sum + t.items, 0)).toBe(listed);
	});

	it('summarises each item\'s chain: the Tripoli FN MAG has one permissive response and a case', async () => {
		const [row] = await db()`SELECT s.id FROM atlas.sites s WHERE s.name = 'Tripoli' AND s.country_iso3 = 'LBN' AND NOT s.synthetic`;
		const detail = await asPublic(db(), (tx) => readSiteDetail(tx, row!.id as number, filter('category=weapon'), { limit: 20, offset: 0 }));
		const mag = detail!.events.flatMap((e) => e.items).find((i) => i.model === 'FN MAG');
		expect(mag).toMatchObject({ markings: { serialNumber: '99352', state: 'intact' }, chain: { requests: 1, bestResponse: 'permissive' } });
		expect(mag!.chain.consignmentId).not.toBeNull();
		expect(mag!.chain.caseIds).toHaveLength(1);
		expect(detail!.site).toMatchObject({ name: 'Tripoli', country: { iso3: 'LBN' }, synthetic: false });
	});

	it('answers 400 naming the field for a bad filter or page, and 400 for a non-numeric id', async () => {
		const call = async (id: string, query: string) => {
			const response = await GET({ params: { id }, url: new URL(`http://atlas.test/api/sites/${id}?${query}`), locals: { viewer: { role: 'public' } } } as unknown as Parameters<typeof GET>[0]);
			return { status: response.status, body: await response.json() };
		};
		expect(await call('1', 'category=tanks')).toMatchObject({ status: 400, body: { field: 'category' } });
		expect(await call('1', 'limit=51')).toMatchObject({ status: 400, body: { field: 'limit' } });
		expect(await call('1', 'offset=-1')).toMatchObject({ status: 400, body: { field: 'offset' } });
		expect(await call('x1', '')).toMatchObject({ status: 400, body: { field: 'id' } });
	});
});
