// The country and party pages count items through the Filter's own conditions, so a page's
// figures are the ones /api/stats gives for the same one-key Filter.
import { expect, it } from 'vitest';
import { load as countryLoad } from '../../../src/routes/countries/[iso3]/+page.server.ts';
import { load as partyLoad } from '../../../src/routes/parties/[id]/+page.server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import type { CountryProfileDetail } from '../../../src/lib/server/records/country-profile.ts';
import type { PartyRecord } from '../../../src/lib/api/records.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';

const locals = { viewer: anonymousViewer, locale: 'en' };

async function countryPage(iso3: string): Promise<CountryProfileDetail> {
	const page = (await countryLoad({ params: { iso3 }, locals, url: new URL(`http://atlas.test/countries/${iso3}`) } as never)) as { profile: CountryProfileDetail };
	return page.profile;
}

async function partyPage(id: number): Promise<PartyRecord> {
	const page = (await partyLoad({ params: { id: String(id) }, locals } as never)) as { record: PartyRecord };
	return page.record;
}

async function statsFor(query: string): Promise<{ items: number; units: number }> {
	const response = await call(stats, `/api/stats?${query}`);
	expect(response.status, query).toBe(200);
	return response.json();
}

describeEachBackend('country and party pages count through the Filter', (db, backend) => {
	useAppDatabase(backend.url);

	it('/countries/IRQ counts the items and units /api/stats?country=IRQ counts', async () => {
		const iraq = await countryPage('IRQ');
		const api = await statsFor('country=IRQ');
		expect(api.items).toBeGreaterThan(0);
		expect({ items: Number(iraq.recovery.items), units: Number(iraq.recovery.units) }).toEqual({ items: api.items, units: Number(api.units) });
	});

	it('a producer page counts the items made there as /api/stats?made_in=BEL does', async () => {
		const belgium = await countryPage('BEL');
		const api = await statsFor('made_in=BEL');
		expect(api.items).toBeGreaterThan(0);
		expect(Number(belgium.producer.itemsMadeHere)).toBe(api.items);
	});

	it("a manufacturer's page counts what manufacturer=<id> selects, an armed group's what group=<id> selects", async () => {
		// The manufacturer and the holding force with the most public items, looked up, not hard-coded.
		const [top] = await asPublic(
			db(),
			(tx) => tx`SELECT (SELECT manufacturer_id FROM atlas.item_facts WHERE manufacturer_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS maker,
				(SELECT holding_party_id FROM atlas.item_facts WHERE holding_party_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1) AS holder`
		);
		const maker = await partyPage(top.maker);
		const makerApi = await statsFor(`manufacturer=${top.maker}`);
		expect(makerApi.items).toBeGreaterThan(0);
		expect(Number(maker.itemsMade)).toBe(makerApi.items);
		const holder = await partyPage(top.holder);
		const holderApi = await statsFor(`group=${top.holder}`);
		expect(holderApi.items).toBeGreaterThan(0);
		expect(Number(holder.itemsHeld)).toBe(holderApi.items);
	});

	it('the real party Islamic State holds on its page what group=<its id> selects', async () => {
		const [party] = await db()`SELECT id FROM atlas.parties WHERE name = 'Islamic State' AND NOT synthetic`;
		const page = await partyPage(party.id);
		const api = await statsFor(`group=${party.id}`);
		expect(api.items).toBeGreaterThan(0);
		expect(Number(page.itemsHeld)).toBe(api.items);
	});
});
