// The figures /countries/[iso3] adds to its profile, each with the count it is out of.
import { expect, it } from 'vitest';
import { readCountryProfile, UNAVAILABLE_FACTORS } from '../../../src/lib/server/records/country-profile.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';

describeEachBackend('country profile', (db) => {
	it("gives Iraq's share of weapons with a known country of manufacture, with its numerator and N", async () => {
		const iraq = await asPublic(db(), (tx) => readCountryProfile(tx, 'IRQ'));
		// Computed independently, as the public sees it.
		const [expected] = await asPublic(
			db(),
			(tx) => tx`SELECT count(*)::int AS weapons, count(i.made_in_iso3)::int AS known
				FROM atlas.items i
				JOIN atlas.documentation_events e ON e.id = i.event_id
				JOIN atlas.sites s ON s.id = e.site_id
				WHERE s.country_iso3 = 'IRQ' AND i.category = 'weapon'
				  AND EXISTS (SELECT 1 FROM atlas.item_facts f WHERE f.item_id = i.id)`
		);
		const { weapons, known } = expected as { weapons: number; known: number };
		expect(weapons).toBeGreaterThan(0);
		expect(iraq!.recovery.originKnown).toMatchObject({ weapons, known });
		expect(iraq!.recovery.originKnown.share).toBeCloseTo(known / weapons, 3);
		expect(known).toBeLessThanOrEqual(weapons);
	});

	it('states the N of every breakdown of Iraq as a place of recovery', async () => {
		const { recovery } = (await asPublic(db(), (tx) => readCountryProfile(tx, 'IRQ')))!;
		const sum = (rows: { items: number }[]) => rows.reduce((total, row) => total + row.items, 0);
		expect(sum(recovery.byYear)).toBe(recovery.items);
		expect(sum(recovery.byCategory)).toBe(recovery.items);
		expect(sum(recovery.topMadeIn)).toBeLessThanOrEqual(recovery.madeInKnown);
		expect(sum(recovery.topHolders)).toBeLessThanOrEqual(recovery.holderKnown);
		expect(sum(recovery.byType)).toBeLessThanOrEqual(recovery.items);
		expect(recovery.byType.length).toBeLessThanOrEqual(Math.min(10, recovery.typeCount));
		const years = recovery.byYear.map((row) => row.year);
		expect(years).toEqual([...years].sort((a, b) => a - b));
		// Iraq has a shape: the map is fitted to it (roughly 38.8–48.6 E, 29.1–37.4 N).
		const [west, south, east, north] = recovery.bbox!;
		expect(west).toBeGreaterThan(38);
		expect(west).toBeLessThan(40);
		expect(south).toBeGreaterThan(28);
		expect(east).toBeGreaterThan(48);
		expect(north).toBeLessThan(38);
	});

	it('shows Romania as a producer: requests received, a response rate and the records it no longer holds', async () => {
		const { producer } = (await asPublic(db(), (tx) => readCountryProfile(tx, 'ROU')))!;
		expect(producer.requestsReceived).toBeGreaterThan(0);
		expect(producer.responses).toBe(producer.byClass.expansive + producer.byClass.permissive + producer.byClass.dissuasive);
		expect(producer.responseRate).toBeCloseTo(producer.responses / producer.requestsReceived, 3);

		const { recordsUnavailable } = producer;
		expect(recordsUnavailable.responses).toBeGreaterThan(0);
		expect(recordsUnavailable.responses).toBeLessThanOrEqual(producer.responses);
		expect(Object.keys(recordsUnavailable.byFactor).sort()).toEqual([...UNAVAILABLE_FACTORS].sort());

		// The Letfallah II response (ROU-1) says the retention period had expired: it is counted.
		const [row] = await asPublic(
			db(),
			(tx) => tx`SELECT count(*)::int AS n FROM atlas.trace_requests r
				JOIN atlas.trace_responses p ON p.request_id = r.id
				JOIN atlas.trace_response_factors x ON x.response_id = p.id AND x.factor_code = 'retention_expired'
				WHERE r.recipient_iso3 = 'ROU'`
		);
		const [letfallah] = await asPublic(
			db(),
			(tx) => tx`SELECT count(*)::int AS n FROM atlas.trace_requests r
				JOIN atlas.trace_responses p ON p.request_id = r.id
				JOIN atlas.trace_response_factors x ON x.response_id = p.id AND x.factor_code = 'retention_expired'
				WHERE r.recipient_iso3 = 'ROU' AND NOT r.synthetic AND r.issued_on = '2015-08-20'`
		);
		expect(letfallah!.n).toBe(1);
		expect(recordsUnavailable.byFactor.retention_expired).toBe(row!.n);
		expect(recordsUnavailable.byFactor.retention_expired).toBeGreaterThanOrEqual(1);
	});

	it('has no map frame for a former state without a shape', async () => {
		// Former producing states (the Soviet Union, Yugoslavia ...) are countries without a shape.
		const [former] = await db()`SELECT iso3 FROM atlas.countries WHERE geom IS NULL ORDER BY iso3 LIMIT 1`;
		expect(former, 'a country without a shape in the reference data').toBeDefined();
		const profile = await asPublic(db(), (tx) => readCountryProfile(tx, former!.iso3 as string));
		expect(profile).not.toBeNull();
		expect(profile!.recovery.bbox).toBeNull();
		// Nothing is documented in a country that has no territory on the map.
		expect(profile!.recovery.originKnown.share).toBeNull();
	});
});
