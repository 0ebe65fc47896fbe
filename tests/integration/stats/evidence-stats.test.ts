import { expect, it } from 'vitest';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import type { EvidenceStats } from '../../../src/lib/api/stats.ts';

const within = (actual: number | null, expected: number, points = 2) => expect(Math.abs(100 * (actual ?? NaN) - expected)).toBeLessThanOrEqual(points);
const get = async (path: string): Promise<EvidenceStats> => (await call(stats, path)).json();

describeEachBackend('GET /api/stats', (_db, backend) => {
	useAppDatabase(backend.url);

	it('gives the published 2015-2019 trace figures for from=2015&to=2019', async () => {
		const s = await get('/api/stats?from=2015&to=2019');
		expect([s.traceRequests, s.traceResponses]).toEqual([3087, 1238]);
		expect(s.responseClasses).toEqual({ expansive: 56, permissive: 871, dissuasive: 311 });
		const region = (name: string) => s.byRegion.find((r) => r.region === name)!;
		expect(region('Eastern Europe').requests).toBe(891);
		within(region('Eastern Europe').rate, 53);
		expect(region('Asia').requests).toBe(326);
		within(region('Asia').rate, 7);
		const factor = (name: string) => s.responseFactors.find((f) => f.factor === name)!.byClass;
		within(factor('recipient_given').permissive.share, 61);
		within(factor('formal_refusal').dissuasive.share, 27);
		within(factor('prompted_secondary').expansive.share, 64);
		const primary = s.responseRateByRecipient.filter((r) => r.kind === 'primary');
		within(primary.reduce((a, r) => a + r.responses, 0) / primary.reduce((a, r) => a + r.requests, 0), 43);
		expect(s.byYear.filter((y) => y.requests > 0).map((y) => y.year)).toEqual([2015, 2016, 2017, 2018, 2019]);
	});

	it('gives the published age of weapons at recovery over all years', async () => {
		const { ageAtRecovery, manufactureDecades } = await get('/api/stats');
		expect(ageAtRecovery.weapons).toBe(2578);
		within(ageAtRecovery.olderThan20.share, 71);
		within(ageAtRecovery.olderThan30.share, 64);
		expect(manufactureDecades.find((d) => d.decade === 1920)).toBeUndefined();
		expect(manufactureDecades.find((d) => d.decade === 1910)?.weapons).toBe(1);
		expect(manufactureDecades.find((d) => d.decade === 1930)?.weapons).toBe(7);
	});

	it('narrows with a filter and agrees with the map counts for the same filter', async () => {
		for (const query of ['', 'category=weapon', 'country=IRQ&from=2016&to=2018', 'made_in=BGR&response=permissive']) {
			const s = await get(`/api/stats?${query}`);
			const map = await (await call(summary, `/api/summary?${query}`)).json();
			expect({ items: s.items, units: s.units, sites: s.sites, cases: s.cases }).toEqual({ items: map.items, units: map.units, sites: map.sites, cases: map.cases });
			expect(s.byCategory.reduce((a, c) => a + c.items, 0)).toBe(s.items);
		}
		const all = await get('/api/stats?from=2015&to=2019');
		const bulgarian = await get('/api/stats?from=2015&to=2019&made_in=BGR');
		expect(bulgarian.traceRequests).toBeLessThan(all.traceRequests);
		expect(bulgarian.traceRequests).toBeGreaterThan(0);
		expect(bulgarian.byMadeIn.map((m) => m.value)).toEqual(['BGR']);
		const [topForce] = all.byHoldingForce;
		expect(topForce.label).not.toBe(topForce.value); // named, not just an id
		const held = await get(`/api/stats?from=2015&to=2019&group=${topForce.value}`);
		expect(held.items).toBe(topForce.items);
	});

	it('limits the charts to the map view with bbox', async () => {
		const world = await get('/api/stats?from=2015&to=2019');
		const iraq = await get('/api/stats?from=2015&to=2019&bbox=38.8,29,48.6,37.4');
		const iraqOnly = await get('/api/stats?from=2015&to=2019&country=IRQ');
		expect(iraq.items).toBeLessThan(world.items);
		expect(iraq.items).toBeGreaterThanOrEqual(iraqOnly.items);
		expect(iraq.traceRequests).toBeLessThan(world.traceRequests);
		expect(iraq.traceRequests).toBeGreaterThan(0);
		expect((await call(stats, '/api/stats?bbox=1,2')).status).toBe(400);
	});

	it('answers a bad filter with 400 naming the field', async () => {
		const response = await call(stats, '/api/stats?from=2015-02-30');
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ field: 'from' });
	});
});
