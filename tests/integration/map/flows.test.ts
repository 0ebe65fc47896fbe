// /api/flows: items summed from country of manufacture to country of recovery, under the
// Filter and row security; each figure is the count of the item rows the public can read.
import { expect, it } from 'vitest';
import type { TransactionSql } from 'postgres';
import { GET as flows } from '../../../src/routes/api/flows/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { countryFlows } from '../../../src/lib/server/map/flows.ts';
import type { CountryFlow, FlowCollection } from '../../../src/lib/api/map.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { rolledBack } from '../rolled-back.ts';

const get = async (path: string): Promise<FlowCollection> => (await call(flows, path)).json();
const pair = (flow: Pick<CountryFlow, 'from' | 'to'>) => `${flow.from}>${flow.to}`;

async function becomePublic(tx: TransactionSql) {
	await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true), set_config('atlas.viewer_country', '', true)`;
}

describeEachBackend('country flows', (db, backend) => {
	useAppDatabase(backend.url);

	it('counts, per made-in → recovered-in pair, exactly the items the public reads in the tables', async () => {
		const { flows: answered } = await get('/api/flows');
		expect(answered.length).toBeGreaterThan(10);
		// Counted from the tables themselves (not item_facts), under the public's row security.
		const direct = await asPublic(db(), (tx) => tx<{ from: string; to: string; items: number; units: number }[]>`
			SELECT i.made_in_iso3::text AS "from", s.country_iso3::text AS "to", count(*)::int AS items, sum(i.quantity)::float8 AS units
			FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id JOIN atlas.sites s ON s.id = e.site_id
			WHERE i.made_in_iso3 IS NOT NULL AND i.made_in_iso3 <> s.country_iso3
			GROUP BY 1, 2`);
		const byPair = new Map(answered.map((flow) => [pair(flow), flow]));
		expect(byPair.size).toBe(answered.length);
		expect(answered.length).toBe(direct.length);
		for (const row of direct) expect({ items: byPair.get(pair(row))?.items, units: byPair.get(pair(row))?.units }, pair(row)).toEqual({ items: row.items, units: row.units });
		// Largest first, and each end placed on its country's label point.
		expect(answered.map((flow) => flow.items)).toEqual([...answered.map((flow) => flow.items)].sort((a, b) => b - a));
		for (const flow of answered) for (const end of [flow.source, flow.target]) expect(end && Math.abs(end[0]) <= 180 && Math.abs(end[1]) <= 90, pair(flow)).toBe(true);
	});

	it('starts the flows of a dissolved state (the Soviet Union) at its successor', async () => {
		const { flows: soviet } = await get('/api/flows?made_in=SUN');
		expect(soviet.length).toBeGreaterThan(0);
		const [{ russia }] = await db()`SELECT ARRAY[round(ST_X(label_point)::numeric, 4)::float8, round(ST_Y(label_point)::numeric, 4)::float8] AS russia FROM atlas.countries WHERE iso3 = 'RUS'`;
		for (const flow of soviet) expect(flow.source).toEqual(russia);
	});

	it('applies the Filter: a country pair and a time range leave only their items', async () => {
		const { flows: lebanon } = await get('/api/flows?made_in=BEL&country=LBN');
		expect(lebanon.map(pair)).toEqual(['BEL>LBN']);
		const { items } = await (await call(summary, '/api/summary?made_in=BEL&country=LBN')).json();
		expect(lebanon[0]!.items).toBe(items);
		const { flows: all } = await get('/api/flows');
		const { flows: early } = await get('/api/flows?to=2015-12-31');
		const total = (list: CountryFlow[]) => list.reduce((sum, flow) => sum + flow.items, 0);
		expect(total(early)).toBeGreaterThan(0);
		expect(total(early)).toBeLessThan(total(all));
	});

	it('leaves out an item the public may not see, and refuses a bad filter naming the field', async () => {
		const [item] = await db()`
			SELECT f.item_id, f.made_in_iso3::text AS "from", f.country_iso3::text AS "to", f.quantity FROM atlas.item_facts f
			WHERE f.visibility = 'public' AND f.made_in_iso3 IS NOT NULL AND f.made_in_iso3 <> f.country_iso3 ORDER BY f.item_id LIMIT 1`;
		const key = pair(item as CountryFlow);
		const [before, after] = await rolledBack(db(), async (tx) => {
			await becomePublic(tx);
			const seen = await countryFlows(tx, {});
			await tx`RESET role`;
			// The facts follow the change in the same statement (015): no rebuild.
			await tx`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${item!.item_id}`;
			await becomePublic(tx);
			return [seen, await countryFlows(tx, {})];
		});
		const items = (list: FlowCollection) => list.flows.find((flow) => pair(flow) === key)?.items ?? 0;
		expect(items(after)).toBe(items(before) - 1);
		const refused = await call(flows, '/api/flows?made_in=Belgium');
		expect(refused.status).toBe(400);
		expect((await refused.json()).field).toBe('made_in');
	});
});
