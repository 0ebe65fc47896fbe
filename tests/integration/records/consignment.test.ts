// GET /api/consignments/{id}: one consignment fanning out to every place its items were found.
import { expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { readConsignmentDetail } from '../../../src/lib/server/records/consignment-detail.ts';
import { load as consignmentPage } from '../../../src/routes/consignments/[id]/+page.server.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { consignmentTitle } from '../../../src/lib/explorer/record-titles.ts';
import { translator } from '../../../src/lib/i18n/translate.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { consignmentIdByReference } from './fixtures.ts';

describeEachBackend('consignment detail', (db, backend) => {
	useAppDatabase(backend.url);
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

	// Five empty crates and four mortar rounds: the rounds name it, not their packaging.
	it('names a consignment by what it carried and who received it, in the reader\'s language', async () => {
		const id = await consignmentIdByReference(db(), 'Mortar rounds for the Government of Iraq');
		const detail = (await asPublic(db(), (tx) => readConsignmentDetail(tx, id)))!;
		expect(detail.goods).toBe('ammunition');
		expect(detail.recipient).toMatchObject({ name: 'Government of Iraq', kind: 'state' });
		expect(consignmentTitle(detail, translator('en').t)).toBe('Ammunition for the Government of Iraq');
		expect(consignmentTitle(detail, translator('fr').t)).toBe('Munitions pour Government of Iraq');
	});

	it('has a page for a visible consignment and a 404 for an unknown one (hidden ones read as null above)', async () => {
		const id = await consignmentIdByReference(db(), 'Girsan handguns to Ouagadougou');
		const page = (event: { id: string }) =>
			(consignmentPage as unknown as (e: object) => Promise<{ consignment: { id: number } }>)({ params: event, locals: { viewer: anonymousViewer } });
		expect((await page({ id: String(id) })).consignment.id).toBe(id);
		for (const missing of ['2000000000', 'abc', '0']) {
			const refused = await page({ id: missing }).then(() => null, (error: unknown) => error);
			expect(isHttpError(refused) && refused.status, missing).toBe(404);
		}
	});
});
