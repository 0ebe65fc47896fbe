// A country as producer and exporter (/countries/[iso3], "made here"): where its materiel was
// documented, the cases it is in, its trace record beside its region's and the world's, and
// the red-flagged parties in its supply chains — each agreeing with the API and the rows.
import { expect, it } from 'vitest';
import { readProducerProfile } from '../../../src/lib/server/records/producer-profile.ts';
import { GET as facets } from '../../../src/routes/api/facets/+server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import type { Facets } from '../../../src/lib/api/map.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';

const sum = (rows: { items: number }[]) => rows.reduce((total, row) => total + Number(row.items), 0);

describeEachBackend('producer profile', (db, backend) => {
	useAppDatabase(backend.url);

	it("lists every country where Belgium's materiel was documented, as /api/stats and /api/facets count it", async () => {
		const belgium = await asPublic(db(), (tx) => readProducerProfile(tx, 'BEL', {}));
		const api = (await (await call(stats, '/api/stats?made_in=BEL')).json()) as { items: number; units: number };
		const byCountry = (await (await call(facets, '/api/facets?made_in=BEL')).json()) as Facets;
		expect(belgium.items).toBeGreaterThan(0);
		expect(belgium.items).toBe(api.items);
		expect(Number(belgium.units)).toBe(Number(api.units));
		expect(sum(belgium.destinations)).toBe(belgium.items);
		expect(sum(belgium.byYear)).toBe(belgium.items);
		const destinations = Object.fromEntries(belgium.destinations.map((row) => [row.iso3, Number(row.items)]));
		const facetCountries = Object.fromEntries(byCountry.country.filter((row) => row.count > 0).map((row) => [row.value, row.count]));
		expect(destinations).toEqual(facetCountries);
		const abroad = belgium.destinations.filter((row) => row.iso3 !== 'BEL');
		expect(belgium.itemsAbroad).toBe(sum(abroad));
		expect(belgium.byType.length).toBeLessThanOrEqual(Math.min(10, belgium.typeCount));
	});

	it('counts only the chosen period, for items and for trace requests', async () => {
		const period = { from: '2015-01-01', to: '2019-12-31' };
		const all = await asPublic(db(), (tx) => readProducerProfile(tx, 'BEL', {}));
		const some = await asPublic(db(), (tx) => readProducerProfile(tx, 'BEL', period));
		const api = (await (await call(stats, '/api/stats?made_in=BEL&from=2015&to=2019')).json()) as { items: number };
		expect(some.items).toBe(api.items);
		expect(some.items).toBeLessThan(all.items);
		expect(some.byYear.every((row) => row.year >= 2015 && row.year <= 2019)).toBe(true);
		expect(some.traceByYear.every((row) => row.year >= 2015 && row.year <= 2019)).toBe(true);
		expect(some.period).toEqual(period);
	});

	it("sets a producer's answered share beside its region's and the world's, from the request rows", async () => {
		const romania = await asPublic(db(), (tx) => readProducerProfile(tx, 'ROU', {}));
		expect(romania.region).toBe('Europe');
		const [rows] = await asPublic(
			db(),
			(tx) => tx`SELECT count(*)::int AS requests, count(p.id)::int AS responses,
				count(*) FILTER (WHERE c.region = 'Europe')::int AS region
				FROM atlas.trace_requests r LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
				LEFT JOIN atlas.countries c ON c.iso3 = r.recipient_iso3
				WHERE r.recipient_iso3 = 'ROU'`
		);
		const { requests, responses } = rows as { requests: number; responses: number };
		expect(requests).toBeGreaterThan(0);
		expect(romania.traceByYear.reduce((total, row) => total + row.requests, 0)).toBe(requests);
		expect(romania.traceByYear.reduce((total, row) => total + row.responses, 0)).toBe(responses);
		for (const year of romania.traceByYear) {
			expect(year.requests).toBeGreaterThan(0);
			expect(year.regionRequests).toBeGreaterThanOrEqual(year.requests);
			expect(year.worldRequests).toBeGreaterThanOrEqual(year.regionRequests);
			expect(year.worldResponses).toBeLessThanOrEqual(year.worldRequests);
		}
	});

	it('names the red-flagged parties that moved its consignments or are in its cases, and hides one unpublished since', async () => {
		// The producer whose supply chains hold the most flagged parties, looked up, not hard-coded.
		const [top] = await asPublic(
			db(),
			(tx) => tx`SELECT f.made_in_iso3 AS iso3, count(DISTINCT p.id)::int AS flagged
				FROM atlas.item_facts f
				JOIN atlas.transfers t ON t.consignment_id = f.consignment_id
				JOIN atlas.parties p ON p.id IN (t.from_party_id, t.to_party_id) AND p.red_flag
				WHERE f.made_in_iso3 IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`
		);
		const { iso3, flagged } = top as { iso3: string; flagged: number };
		expect(flagged).toBeGreaterThan(0);
		const producer = await asPublic(db(), (tx) => readProducerProfile(tx, iso3, {}));
		expect(producer.flaggedCount).toBeGreaterThanOrEqual(flagged);
		expect(producer.flagged).toHaveLength(producer.flaggedCount);
		for (const party of producer.flagged) {
			expect(party.redFlag).toBe(true);
			expect(party.redFlagReason).toBeTruthy();
			expect(party.consignments + party.cases).toBeGreaterThan(0);
		}
		const hidden = producer.flagged[0];
		await db()`UPDATE atlas.parties SET visibility = 'draft' WHERE id = ${hidden.id}`;
		try {
			const after = await asPublic(db(), (tx) => readProducerProfile(tx, iso3, {}));
			expect(after.flagged.map((party) => party.id)).not.toContain(hidden.id);
			expect(after.flaggedCount).toBe(producer.flaggedCount - 1);
			expect(JSON.stringify(after.cases)).not.toContain(`"id":${hidden.id},"name"`);
		} finally {
			await db()`UPDATE atlas.parties SET visibility = 'public' WHERE id = ${hidden.id}`;
		}
	});

	it('lists the cases holding its items with their mechanism and parties', async () => {
		const [top] = await asPublic(
			db(),
			(tx) => tx`SELECT f.made_in_iso3 AS iso3, count(DISTINCT c)::int AS cases
				FROM atlas.item_facts f, unnest(f.case_ids) AS c WHERE f.made_in_iso3 IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`
		);
		const { iso3, cases } = top as { iso3: string; cases: number };
		const producer = await asPublic(db(), (tx) => readProducerProfile(tx, iso3, {}));
		expect(producer.caseCount).toBe(cases);
		expect(producer.cases.length).toBe(Math.min(10, cases));
		expect(producer.cases.every((diversionCase) => diversionCase.items > 0 && diversionCase.mechanism.length > 0)).toBe(true);
		expect(producer.cases.some((diversionCase) => diversionCase.parties.length > 0)).toBe(true);
	});
});
