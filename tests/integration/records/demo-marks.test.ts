// Every figure that counts a synthetic row carries the demo mark, whatever record it sits
// on: "Government of X" is a real party, but the requests counted on its page are synthetic.
import { expect, it } from 'vitest';
import { load as aboutLoad } from '../../../src/routes/about/+page.server.ts';
import { readCountryProfile } from '../../../src/lib/server/records/country-profile.ts';
import { readPartyRecord } from '../../../src/lib/server/records/party-record.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';

describeEachBackend('demo marks on figures', (db, backend) => {
	useAppDatabase(backend.url);

	it('marks the request figures of a real state party as demo data when they count synthetic requests', async () => {
		const [row] = await db()`SELECT id FROM atlas.parties WHERE name = 'Government of Romania'`;
		const [counted] = await asPublic(db(), (tx) => tx`SELECT count(*) FILTER (WHERE synthetic)::int AS synthetic, count(*)::int AS all
			FROM atlas.trace_requests WHERE recipient_id = ${row!.id}`);
		expect(counted!.synthetic).toBeGreaterThan(0);
		const record = await asPublic(db(), (tx) => readPartyRecord(tx, row!.id));
		expect(record).toMatchObject({ synthetic: false, requests: { synthetic: true, received: counted!.all } });
	});

	it('leaves the figures of a party unmarked when every row they count is real (the exporting state of the Iraqi mortar consignment)', async () => {
		// The demo data sends synthetic requests to real makers (FN Herstal, Cugir, Girsan), so
		// the unmarked case is a real party that only the published record names.
		const [row] = await db()`SELECT id FROM atlas.parties WHERE name LIKE 'A European exporting state%' AND NOT synthetic`;
		const [counted] = await asPublic(db(), (tx) => tx`SELECT count(*) FILTER (WHERE synthetic)::int AS synthetic, count(*)::int AS all
			FROM atlas.trace_requests WHERE recipient_id = ${row!.id}`);
		expect(counted).toEqual({ synthetic: 0, all: 1 });
		const record = await asPublic(db(), (tx) => readPartyRecord(tx, row!.id));
		expect(record).toMatchObject({ synthetic: false, itemsSynthetic: false, requests: { synthetic: false, received: 1 } });
	});

	it('marks a real maker\'s item figures once the demo data counts synthetic items it made (Girsan)', async () => {
		const [row] = await db()`SELECT id FROM atlas.parties WHERE name = 'Girsan' AND NOT synthetic`;
		const [made] = await asPublic(db(), (tx) => tx`SELECT count(*) FILTER (WHERE synthetic)::int AS synthetic, count(*)::int AS all
			FROM atlas.item_facts WHERE manufacturer_id = ${row!.id}`);
		expect(made!.synthetic).toBeGreaterThan(0);
		const record = await asPublic(db(), (tx) => readPartyRecord(tx, row!.id));
		expect(record).toMatchObject({ synthetic: false, itemsSynthetic: true, itemsMade: made!.all });
	});

	it('marks a real party\'s item figures when they count synthetic items (Islamic State holds demo items)', async () => {
		const [row] = await db()`SELECT id FROM atlas.parties WHERE name = 'Islamic State' AND NOT synthetic`;
		const [held] = await asPublic(db(), (tx) => tx`SELECT count(*) FILTER (WHERE synthetic)::int AS n FROM atlas.item_facts WHERE holding_party_id = ${row!.id}`);
		const record = await asPublic(db(), (tx) => readPartyRecord(tx, row!.id));
		expect(record!.itemsSynthetic).toBe(held!.n > 0);
		expect(record!.synthetic).toBe(false);
	});

	it('marks a country profile\'s recovery and producer figures when they count synthetic rows, not when they count none', async () => {
		const iraq = await asPublic(db(), (tx) => readCountryProfile(tx, 'IRQ'));
		const [rows] = await asPublic(db(), (tx) => tx`SELECT
			EXISTS (SELECT 1 FROM atlas.item_facts WHERE country_iso3 = 'IRQ' AND synthetic) AS recovery,
			EXISTS (SELECT 1 FROM atlas.trace_requests WHERE recipient_iso3 = 'IRQ' AND synthetic)
			  OR EXISTS (SELECT 1 FROM atlas.item_facts WHERE made_in_iso3 = 'IRQ' AND synthetic) AS producer`);
		expect(rows).toEqual({ recovery: true, producer: expect.any(Boolean) });
		expect({ recovery: iraq!.recovery.synthetic, producer: iraq!.producer.synthetic }).toEqual(rows);
		// A country with nothing documented and no requests counts no synthetic row.
		const [empty] = await asPublic(db(), (tx) => tx`SELECT c.iso3 FROM atlas.countries c
			WHERE NOT EXISTS (SELECT 1 FROM atlas.item_facts f WHERE f.country_iso3 = c.iso3 OR f.made_in_iso3 = c.iso3)
			  AND NOT EXISTS (SELECT 1 FROM atlas.trace_requests r WHERE r.recipient_iso3 = c.iso3)
			  AND NOT EXISTS (SELECT 1 FROM atlas.diversion_cases d WHERE d.country_iso3 = c.iso3)
			ORDER BY c.iso3 LIMIT 1`);
		const quiet = await asPublic(db(), (tx) => readCountryProfile(tx, empty!.iso3));
		expect({ recovery: quiet!.recovery.synthetic, producer: quiet!.producer.synthetic }).toEqual({ recovery: false, producer: false });
	});

	it('marks every about-page figure that counts synthetic rows', async () => {
		const about = (await aboutLoad({ locals: { viewer: anonymousViewer, locale: 'en' } } as never)) as {
			marks: Record<string, boolean>; synthetic: boolean;
		};
		const [rows] = await asPublic(db(), (tx) => tx`SELECT
			EXISTS (SELECT 1 FROM atlas.item_facts WHERE synthetic) AS items,
			EXISTS (SELECT 1 FROM atlas.diversion_cases WHERE synthetic) AS cases,
			EXISTS (SELECT 1 FROM atlas.trace_requests WHERE synthetic) AS "traceRequests",
			EXISTS (SELECT 1 FROM atlas.parties WHERE synthetic) AS parties`);
		expect(rows).toEqual({ items: true, cases: true, traceRequests: true, parties: true });
		expect(about.marks).toMatchObject(rows!);
		expect(about.synthetic).toBe(true);
	});
});
