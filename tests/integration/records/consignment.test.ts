// GET /api/consignments/{id}: one consignment fanning out to every place its items were found.
import { expect, it } from 'vitest';
import { readConsignmentDetail } from '../../../src/lib/server/records/consignment-detail.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { consignmentIdByReference } from './fixtures.ts';

describeEachBackend('consignment detail', (db) => {
	it('gives the Iraq mortar consignment its six recovery sites and a route to each', async () => {
		const id = await consignmentIdByReference(db(), 'Mortar rounds for the Government of Iraq');
		const detail = await asPublic(db(), (tx) => readConsignmentDetail(tx, id));
		expect(detail).toMatchObject({ id, synthetic: false, origin: null });
		expect(detail!.sites).toHaveLength(6);
		expect(detail!.sites.every((site) => site.iso3 === 'IRQ')).toBe(true);
		expect(detail!.sites.map((site) => site.name)).toEqual(expect.arrayContaining(['Tikrit', 'Bashiqa', 'Ramadi', 'Al Hawija']));
		expect(detail!.sites.reduce((sum, site) => sum + site.items, 0)).toBe(9);
		expect(new Set(detail!.routes.map((route) => route.siteId))).toEqual(new Set(detail!.sites.map((site) => site.id)));
		expect(detail!.transfers).toEqual([expect.objectContaining({ to: expect.objectContaining({ name: 'Government of Iraq' }) })]);
		// No origin country is published: the origin is the only waypoint, the delivery in Baghdad.
		expect(detail!.originPoint).toMatchObject({ lon: 44.40088, lat: 33.34058 });
	});

	it('starts a consignment at its first waypoint', async () => {
		const id = await consignmentIdByReference(db(), 'Girsan handguns to Ouagadougou');
		const detail = await asPublic(db(), (tx) => readConsignmentDetail(tx, id));
		expect(detail?.originPoint).toMatchObject({ placeName: 'Türkiye (place of dispatch not published; drawn at Ankara)' });
		expect(detail?.origin).toEqual({ iso3: 'TUR', name: expect.any(String) });
	});

	it('is null (404) for a consignment the public may not see', async () => {
		const [hidden] = await db()`SELECT id FROM atlas.consignments WHERE visibility <> 'public' LIMIT 1`;
		if (hidden) expect(await asPublic(db(), (tx) => readConsignmentDetail(tx, hidden.id as number))).toBeNull();
		expect(await asPublic(db(), (tx) => readConsignmentDetail(tx, 2_000_000_000))).toBeNull();
	});
});
