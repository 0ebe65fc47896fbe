// The server modules behind /cases/[id], /parties/[id] and /countries/[iso3].
import { expect, it } from 'vitest';
import { readCaseRecord } from '../../../src/lib/server/records/case-record.ts';
import { readCountryProfile } from '../../../src/lib/server/records/country-profile.ts';
import { readPartyRecord } from '../../../src/lib/server/records/party-record.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';

describeEachBackend('record pages', (db) => {
	it('shows the Iraq mortar case with its six sites, its parties in role order and the Digest as its report', async () => {
		const [row] = await db()`SELECT id FROM atlas.diversion_cases WHERE title = 'One mortar consignment, six places in Iraq'`;
		const record = await asPublic(db(), (tx) => readCaseRecord(tx, row!.id as number));
		expect(record).toMatchObject({ mechanism: 'unknown', country: { iso3: 'IRQ' }, synthetic: false });
		expect(record!.sites).toHaveLength(6);
		expect(record!.routes).toHaveLength(6);
		expect(record!.items).toHaveLength(9);
		expect(record!.parties.map((p) => p.role)).toEqual(['exporter', 'authorised_recipient', 'end_holder']);
		expect(record!.report?.citation).toMatch(/Diversion Digest/);
	});

	it('quotes no right-of-reply on the Letfallah II case: the record publishes no text agreed with Romania', async () => {
		const [row] = await db()`SELECT id FROM atlas.diversion_cases WHERE title LIKE 'Letfallah II%'`;
		const record = await asPublic(db(), (tx) => readCaseRecord(tx, row!.id as number));
		expect(record!.rightOfReply).toEqual([]);
	});

	it('shows a red-flagged party with its public reason', async () => {
		const [row] = await db()`SELECT id FROM atlas.parties WHERE name LIKE 'Turkish distributor%'`;
		const record = await asPublic(db(), (tx) => readPartyRecord(tx, row!.id as number));
		expect(record).toMatchObject({ redFlag: true, kind: 'company', country: { iso3: 'TUR' } });
		expect(record!.redFlagReason).toMatch(/Syria/);
		expect(record!.cases.map((c) => c.role)).toEqual(['intermediary']);
		expect(record!.transfers.map((t) => t.direction)).toEqual(['to']);
	});

	it('counts the responses a state gave and lists the newest 50 requests to it', async () => {
		const [row] = await db()`SELECT id FROM atlas.parties WHERE name = 'Government of Romania'`;
		const record = await asPublic(db(), (tx) => readPartyRecord(tx, row!.id as number));
		const { received, answered, byClass } = record!.requests;
		expect(received).toBeGreaterThan(50);
		expect(answered).toBe(byClass.expansive + byClass.permissive + byClass.dissuasive);
		expect(record!.responses).toHaveLength(50);
		const issued = record!.responses.map((r) => r.issuedOn);
		expect(issued).toEqual([...issued].sort().reverse());
	});

	it('lists the one response of the sorbitol manufacturer, with its class', async () => {
		const [row] = await db()`SELECT id FROM atlas.parties WHERE name LIKE 'Sorbitol manufacturer%'`;
		const record = await asPublic(db(), (tx) => readPartyRecord(tx, row!.id as number));
		expect(record!.requests).toMatchObject({ received: 1, answered: 1 });
		// The record dates neither the request nor the response: the page must say so, not show a day.
		expect(record!.responses).toEqual([expect.objectContaining({
			class: 'permissive', issuedOnPrecision: 'unpublished', receivedOnPrecision: 'unpublished', synthetic: false
		})]);
	});

	it('profiles Iraq as a place of recovery and a country as a producer', async () => {
		const iraq = await asPublic(db(), (tx) => readCountryProfile(tx, 'IRQ'));
		expect(iraq!.country).toMatchObject({ iso3: 'IRQ', name: 'Iraq', conflictAffected: true });
		expect(iraq!.recovery.items).toBe(iraq!.recovery.byCategory.reduce((sum, c) => sum + c.items, 0));
		expect(iraq!.recovery.topHolders.map((h) => h.name)).toContain('Iraq security forces');
		expect(iraq!.recovery.cases[0]).toMatchObject({ synthetic: false });
		expect(iraq!.recovery.cases.length).toBeLessThanOrEqual(50);

		const romania = await asPublic(db(), (tx) => readCountryProfile(tx, 'ROU'));
		const { requestsReceived, responses, responseRate } = romania!.producer;
		expect(requestsReceived).toBeGreaterThan(0);
		expect(responseRate).toBeCloseTo(responses / requestsReceived, 2);
		expect(await asPublic(db(), (tx) => readCountryProfile(tx, 'XXX'))).toBeNull();
	});
});
