// GET /api/search: markings and order numbers, as the anonymous public reads them.
import { expect, it } from 'vitest';
import { GET } from '../../../src/routes/api/search/+server.ts';
import { checkMarkingQuery, searchMarkings } from '../../../src/lib/server/records/markings-search.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { readItemChain } from '../../../src/lib/server/records/item-chain.ts';

function search(sql: Parameters<typeof asPublic>[0], query: string) {
	const check = checkMarkingQuery(query);
	if (!check.ok) throw new Error(check.error);
	return asPublic(sql, (tx) => searchMarkings(tx, query, check.normalised));
}

describeEachBackend('marking search', (db) => {
	it('finds the Letfallah II FN MAG by serial 99352, and its chain leads to the Government of Libya', async () => {
		const result = await search(db(), '99352');
		const mag = result.items.find((item) => item.model === 'FN MAG');
		expect(mag).toMatchObject({
			serialNumber: '99352', matched: 'serial', synthetic: false, category: 'weapon',
			madeIn: { iso3: 'BEL', name: 'Belgium' }, manufacturer: { name: 'FN Herstal' },
			site: { iso3: 'LBN', name: 'Tripoli' }, documentedOn: '2012-04-27'
		});
		// The exact serial is listed before serials that merely contain it.
		expect(result.items[0]?.id).toBe(mag!.id);
		expect(mag!.consignmentId).not.toBeNull();
		expect(mag!.caseIds).toHaveLength(1);

		const chain = await asPublic(db(), (tx) => readItemChain(tx, mag!.id));
		expect(chain?.consignment).toMatchObject({ orderNumber: '23-2-7520', orderedOn: '1979-10-04', synthetic: false });
		expect(chain?.consignment?.transfers).toHaveLength(1);
		expect(chain?.consignment?.transfers[0]).toMatchObject({
			from: { name: 'FN Herstal' }, to: { name: 'Government of Libya', iso3: 'LBY' }, orderNumber: '23-2-7520'
		});
	});

	it('ignores dashes, spaces and case: "t6368-13 g00356" finds the Girsan MC21', async () => {
		const result = await search(db(), 't6368-13 g00356');
		expect(result.normalised).toBe('T636813G00356');
		expect(result.items).toHaveLength(1);
		expect(result.items[0]).toMatchObject({ model: 'MC21', serialNumber: 'T6368-13 G00356', manufacturer: { name: 'Girsan' }, matched: 'serial' });
	});

	it('finds a lot number written without its dash and says the lot matched', async () => {
		const result = await search(db(), 'f7503');
		expect(result.items.find((item) => item.model === 'FPK')).toMatchObject({ lotNumber: 'F-7503', matched: 'lot' });
	});

	it('finds items through their consignment order number, however it is typed', async () => {
		for (const typed of ['23-2-7520', '23 2 7520', '2327520']) {
			const result = await search(db(), typed);
			const mag = result.items.find((item) => item.model === 'FN MAG');
			expect(mag, typed).toMatchObject({ matched: 'order', serialNumber: '99352' });
		}
	});

	it('lists the other items of a hit\'s consignment as related, not as hits', async () => {
		const result = await search(db(), '1225111');
		expect(result.items.map((item) => item.serialNumber)).toContain('1225111');
		// Four FN FAL rifles share order 23-2-6255: the three others are related by consignment.
		expect(result.related.sameConsignment).toHaveLength(3);
		expect(result.related.sameConsignment).not.toContain(result.items[0]?.id);
	});

	it('caps the hits at 50 and says how many there were', async () => {
		// Synthetic lot numbers are digits with a dash: "000" occurs in many of them.
		const result = await search(db(), '000');
		// Counted apart from the search's own query: visible items whose markings hold the
		// text, or whose consignment's order or contract number does.
		const [counted] = await asPublic(db(), (tx) => tx`
			SELECT count(*)::int AS n FROM atlas.items i
			WHERE strpos(i.markings_normalised, '000') > 0
			   OR i.consignment_id IN (
				SELECT c.id FROM atlas.consignments c
				WHERE strpos(upper(replace(replace(coalesce(c.order_number, '') || '|' || coalesce(c.contract_number, ''), '-', ''), ' ', '')), '000') > 0
				UNION
				SELECT t.consignment_id FROM atlas.transfers t
				WHERE strpos(upper(replace(replace(coalesce(t.order_number, '') || '|' || coalesce(t.contract_number, ''), '-', ''), ' ', '')), '000') > 0)`);
		expect(counted!.n).toBeGreaterThan(50);
		expect(result.total).toBe(counted!.n);
		expect(result.items).toHaveLength(50);
		expect(result.limit).toBe(50);
		expect(result.truncated).toBe(true);
	});

	it('says a search is not truncated when every hit is listed', async () => {
		const result = await search(db(), '1225111');
		expect(result.total).toBe(result.items.length);
		expect(result.total).toBeGreaterThan(0);
		expect(result.truncated).toBe(false);
	});

	it('never returns hidden items: every hit is a public row', async () => {
		const result = await search(db(), '000');
		const ids = result.items.map((item) => item.id);
		const hidden = await db()`SELECT count(*)::int AS n FROM atlas.item_facts WHERE item_id = ANY(${ids}::int[]) AND visibility <> 'public'`;
		expect(hidden[0]?.n).toBe(0);
	});
});

describeEachBackend('marking search input', () => {
	it.each(['', 'ab', ' a-b ', '--  -', '1-2'])('answers 400 naming q for %j (under three characters once normalised)', async (q) => {
		const response = await GET(fakeEvent(`/api/search?q=${encodeURIComponent(q)}`));
		expect(response.status).toBe(400);
		const body = await response.json();
		expect(body).toMatchObject({ field: 'q' });
		expect(body.error).toMatch(/q/);
	});

	it('answers 400 naming q when q is missing', async () => {
		const response = await GET(fakeEvent('/api/search'));
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ field: 'q' });
	});
});

/** A RequestEvent with just what the search handler reads before it touches the database. */
function fakeEvent(path: string): Parameters<typeof GET>[0] {
	return { url: new URL(path, 'http://atlas.test'), locals: { viewer: { role: 'public' }, locale: 'en' } } as unknown as Parameters<typeof GET>[0];
}
