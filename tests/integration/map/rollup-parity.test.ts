// The rollups answer exactly as item rows: for every Filter rollup-sql.ts sends to them,
// the sites tiles, the explorer summary, the facet lists and the chart aggregates read from
// the rollups equal the same answers read from atlas.item_facts, for the public, a partner
// (whose restricted rows the rollups must count under the facts' partition rule) and staff;
// and the answers filtered on one item dimension read from the dimension rollups (028, 031).
import fc from 'fast-check';
import type { Sql, TransactionSql } from 'postgres';
import { beforeAll, expect, it } from 'vitest';
import type { Filter } from '../../../src/lib/filter/filter-schema.ts';
import { ITEM_CATEGORIES } from '../../../src/lib/domain/vocabulary.ts';
import { facetCounts, summarise } from '../../../src/lib/server/map/explorer-counts.ts';
import { featureCollection } from '../../../src/lib/server/map/geojson-collections.ts';
import { canUseRollup, countSource, type CountSource } from '../../../src/lib/server/rollup-sql.ts';
import { evidenceStats } from '../../../src/lib/server/stats/evidence-stats.ts';
import { layerRows } from '../../../src/lib/server/tiles/tile-layers.ts';
import { asViewer } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';

type Viewer = Parameters<typeof asViewer>[1];

/** The tile at zoom z holding a point (Web Mercator tile scheme). */
function tileAt(z: number, lon: number, lat: number) {
	const n = 2 ** z;
	const x = Math.floor(((lon + 180) / 360) * n);
	const rad = (lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return { layer: 'sites' as const, z, x, y };
}

const sortedRows = (rows: readonly Record<string, unknown>[]) =>
	[...rows].map((row) => ({ ...row })).sort((a, b) => Number(a.cluster) - Number(b.cluster) || Number(a.id) - Number(b.id));

describeEachBackend('the rollups answer as item rows', (db) => {
	let viewers: Viewer[] = [];
	let countries: string[] = [];
	let tiles: ReturnType<typeof tileAt>[] = [];
	let madeIn: string[] = [];
	let itemType = '';
	let mapView: [number, number, number, number] = [0, 0, 0, 0];

	beforeAll(async () => {
		const sql = db();
		// A partner of the country with most restricted rows, so their partition is exercised.
		const [partner] = await sql`SELECT country_iso3::text AS iso3 FROM atlas.item_facts
			WHERE item_visibility = 'restricted' OR place_visibility = 'restricted'
			GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
		viewers = [{ role: 'public' }, { role: 'partner', country: partner.iso3 }, { role: 'staff' }];
		countries = (await sql`SELECT country_iso3::text AS iso3 FROM atlas.item_facts GROUP BY 1 ORDER BY count(*) DESC LIMIT 4`).map((r) => r.iso3);
		const [site] = await sql`SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM atlas.sites WHERE country_iso3 = ${countries[0]} ORDER BY id LIMIT 1`;
		tiles = [0, 4, 8].map((z) => tileAt(z, site.lon, site.lat));
		mapView = [site.lon - 4, site.lat - 3, site.lon + 4, site.lat + 3];
		madeIn = (await sql`SELECT made_in_iso3::text AS iso3 FROM atlas.item_facts WHERE made_in_iso3 IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 2`).map((r) => r.iso3);
		[{ itemType }] = await sql`SELECT item_type AS "itemType" FROM atlas.item_facts GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
	});

	// Filters on one item dimension with the rollups' keys (db/migrations/028).
	const dimensionFilters = (): Filter[] => [
		{ made_in: [madeIn[0]] },
		{ made_in: madeIn, from: '2014-01-01', to: '2019-12-31', category: ['weapon', 'ammunition'] },
		{ type: [itemType], country: countries.slice(0, 2) },
		{ marking: ['obliterated', 'intact'], from: '2015-01-01' },
		{ response: ['none'], category: ['weapon'] },
		{ response: ['permissive'], to: '2017-12-31' }
	];

	const filters = (): Filter[] => [
		{},
		{ from: '2015-01-01' },
		{ to: '2016-12-31' },
		{ from: '2014-01-01', to: '2017-12-31' },
		{ country: [countries[0]] },
		{ country: countries.slice(1, 4) },
		{ category: ['weapon'] },
		{ category: ['ammunition', 'ied', 'dual_use'] },
		{ from: '2015-01-01', to: '2019-12-31', country: countries.slice(0, 2), category: ['weapon', 'related'] },
		// Nothing matches: both paths must still give the empty answer's shape.
		{ from: '2030-01-01' }
	];

	async function bothPaths<T>(sql: Sql, viewer: Viewer, read: (tx: TransactionSql, source: CountSource) => Promise<T>) {
		const rollups = await asViewer(sql, viewer, (tx) => read(tx, 'rollups'));
		const items = await asViewer(sql, viewer, (tx) => read(tx, 'items'));
		return { rollups, items };
	}

	it('every filter of the fixed set is one the rollups answer', () => {
		for (const filter of filters()) expect(canUseRollup(filter), JSON.stringify(filter)).toBe(true);
	});

	it('the explorer summary, the facet lists and the chart aggregates are the same from both', async () => {
		for (const viewer of viewers) {
			for (const filter of filters()) {
				const label = `${JSON.stringify(viewer)} ${JSON.stringify(filter)}`;
				const summary = await bothPaths(db(), viewer, (tx, source) => summarise(tx, filter, source));
				expect(summary.rollups, label).toEqual(summary.items);
				const facets = await bothPaths(db(), viewer, (tx, source) => facetCounts(tx, filter, source));
				expect(facets.rollups, label).toEqual(facets.items);
				const stats = await bothPaths(db(), viewer, (tx, source) => evidenceStats(tx, filter, null, source));
				expect(stats.rollups, label).toEqual(stats.items);
			}
		}
		// The set is not vacuous: the public sees items under the first filters.
		const everything = await asViewer(db(), { role: 'public' }, (tx) => summarise(tx, {}, 'items'));
		expect(everything.items).toBeGreaterThan(0);
	}, 240_000);

	it('the explorer summary, the facet lists and the chart aggregates filtered on one item dimension are the same from the dimension rollups as from item rows', async () => {
		let items = 0;
		for (const filter of dimensionFilters()) {
			expect(countSource(filter), JSON.stringify(filter)).toBe('dimension rollups');
			for (const viewer of viewers) {
				const label = `${JSON.stringify(viewer)} ${JSON.stringify(filter)}`;
				const read = <T>(run: (tx: TransactionSql, source: CountSource) => Promise<T>) =>
					Promise.all((['dimension rollups', 'items'] as const).map((source) => asViewer(db(), viewer, (tx) => run(tx, source))));
				const [summary, summaryFromItems] = await read((tx, source) => summarise(tx, filter, source));
				expect(summary, label).toEqual(summaryFromItems);
				const [facets, facetsFromItems] = await read((tx, source) => facetCounts(tx, filter, source));
				expect(facets, label).toEqual(facetsFromItems);
				const [stats, statsFromItems] = await read((tx, source) => evidenceStats(tx, filter, null, source));
				expect(stats, label).toEqual(statsFromItems);
				items += summaryFromItems.items;
			}
		}
		// Not vacuous: the filters select items.
		expect(items).toBeGreaterThan(0);
	}, 240_000);

	it('the routes tiles filtered on one item dimension have the same features from the dimension rollups as from item rows', async () => {
		let features = 0;
		for (const filter of dimensionFilters()) {
			for (const viewer of viewers) {
				for (const address of tiles.map((tile) => ({ ...tile, layer: 'routes' as const }))) {
					const [rollup, items] = await Promise.all((['dimension rollups', 'items'] as const).map((source) =>
						asViewer(db(), viewer, async (tx) => sortedRows(await layerRows(tx, address, filter, source)))));
					expect(rollup, `${JSON.stringify(viewer)} ${JSON.stringify(filter)} ${address.z}/${address.x}/${address.y}`).toEqual(items);
					features += items.length;
				}
			}
		}
		expect(features).toBeGreaterThan(0);
	}, 240_000);

	it('the sites tiles at cluster and point zooms have the same features from both', async () => {
		let features = 0;
		for (const viewer of viewers.slice(0, 2)) {
			for (const filter of filters().filter((_, i) => i % 2 === 0)) {
				for (const address of tiles) {
					const rows = await bothPaths(db(), viewer, async (tx, source) => sortedRows(await layerRows(tx, address, filter, source)));
					expect(rows.rollups, `${JSON.stringify(viewer)} ${JSON.stringify(filter)} ${address.z}/${address.x}/${address.y}`).toEqual(rows.items);
					features += rows.items.length;
				}
			}
		}
		expect(features).toBeGreaterThan(0);
	}, 240_000);

	it('the sites tiles filtered on one item dimension have the same features from its per-site rollup as from item rows', async () => {
		let features = 0;
		const both = async (sql: Sql, viewer: Viewer, read: (tx: TransactionSql, source: CountSource) => Promise<unknown>) => ({
			rollup: await asViewer(sql, viewer, (tx) => read(tx, 'dimension rollups')),
			items: await asViewer(sql, viewer, (tx) => read(tx, 'items'))
		});
		for (const filter of dimensionFilters()) {
			expect(countSource(filter), JSON.stringify(filter)).toBe('dimension rollups');
			for (const viewer of viewers) {
				for (const address of tiles) {
					const rows = await both(db(), viewer, async (tx, source) => sortedRows(await layerRows(tx, address, filter, source)));
					expect(rows.rollup, `${JSON.stringify(viewer)} ${JSON.stringify(filter)} ${address.z}/${address.x}/${address.y}`).toEqual(rows.items);
					features += (rows.items as unknown[]).length;
				}
			}
		}
		expect(features).toBeGreaterThan(0);
	}, 240_000);

	it('the routes tiles have the same features from the (consignment, site) rollup as from item rows', async () => {
		let features = 0;
		for (const viewer of viewers) {
			for (const filter of filters()) {
				for (const address of tiles.map((tile) => ({ ...tile, layer: 'routes' as const }))) {
					const rows = await bothPaths(db(), viewer, async (tx, source) => sortedRows(await layerRows(tx, address, filter, source)));
					expect(rows.rollups, `${JSON.stringify(viewer)} ${JSON.stringify(filter)} ${address.z}/${address.x}/${address.y}`).toEqual(rows.items);
					features += rows.items.length;
				}
			}
		}
		expect(features).toBeGreaterThan(0);
	}, 240_000);

	it('the sites GeoJSON of the whole map and of a map view has the same features from its rollup as from item rows', async () => {
		let features = 0;
		for (const filter of [...filters().filter((_, i) => i % 2 === 0), ...dimensionFilters()]) {
			const chosen = countSource(filter);
			expect(chosen, JSON.stringify(filter)).not.toBe('items');
			for (const viewer of viewers) {
				for (const bbox of [null, mapView]) {
					const page = { limit: 5000, offset: 0, bbox };
					const label = `${JSON.stringify(viewer)} ${JSON.stringify(filter)} ${bbox ? 'map view' : 'whole map'} from ${chosen}`;
					const read = (source: CountSource) => asViewer(db(), viewer, (tx) => featureCollection(tx, 'sites', filter, page, '/api/sites.geojson', source));
					const fromItems = await read('items');
					expect(await read(chosen), label).toEqual(fromItems);
					features += fromItems.features.length;
				}
			}
		}
		expect(features).toBeGreaterThan(0);
	}, 240_000);

	it("a site's top category in the sites GeoJSON is the one with most matching units", async () => {
		const filter: Filter = { category: ['weapon', 'ammunition', 'related'] };
		const { features } = await asViewer(db(), { role: 'public' }, (tx) => featureCollection(tx, 'sites', filter, { limit: 200, offset: 0, bbox: null }, ''));
		const ids = features.map((f) => Number(f.id));
		const most = await asViewer(db(), { role: 'public' }, (tx) => tx`
			SELECT DISTINCT ON (site_id) site_id, category::text AS category FROM (
				SELECT site_id, category, sum(quantity) AS units FROM atlas.item_facts
				WHERE site_id = ANY(${ids}::int[]) AND category::text = ANY(${filter.category as string[]}::text[])
				GROUP BY 1, 2) AS per_category
			ORDER BY site_id, units DESC, category::text`);
		const expected = new Map(most.map((row) => [Number(row.site_id), row.category]));
		expect(features.length).toBeGreaterThan(10);
		for (const feature of features) expect(feature.properties?.top, `site ${feature.id}`).toBe(expected.get(Number(feature.id)));
	});

	it('random filters the rollups answer give the same summary and facet lists from both', async () => {
		const year = fc.integer({ min: 2011, max: 2022 });
		const filter = fc.record(
			{
				from: year.map((y) => `${y}-01-01`),
				to: year.map((y) => `${y}-12-31`),
				country: fc.subarray(countries, { minLength: 1 }),
				category: fc.subarray([...ITEM_CATEGORIES], { minLength: 1 })
			},
			{ requiredKeys: [] }
		);
		await fc.assert(
			fc.asyncProperty(filter, fc.constantFrom(...viewers), async (f, viewer) => {
				const summary = await bothPaths(db(), viewer, (tx, source) => summarise(tx, f, source));
				expect(summary.rollups).toEqual(summary.items);
				const facets = await bothPaths(db(), viewer, (tx, source) => facetCounts(tx, f, source));
				expect(facets.rollups).toEqual(facets.items);
			}),
			{ numRuns: 10 }
		);
	}, 240_000);

	it('stats over a map box never locate a site the viewer may not see', async () => {
		// A hidden site with items and no visible site within half a degree.
		const [hidden] = await db()`SELECT ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat FROM atlas.sites s
			WHERE s.visibility <> 'public' AND EXISTS (SELECT 1 FROM atlas.item_facts f WHERE f.site_id = s.id)
			  AND NOT EXISTS (SELECT 1 FROM atlas.sites p WHERE p.visibility = 'public' AND ST_DWithin(p.geom, s.geom, 0.5))
			ORDER BY s.id LIMIT 1`;
		expect(hidden).toBeDefined();
		const box: [number, number, number, number] = [hidden.lon - 0.1, hidden.lat - 0.1, hidden.lon + 0.1, hidden.lat + 0.1];
		const seen = (viewer: Viewer) => asViewer(db(), viewer, (tx) => evidenceStats(tx, {}, box));
		const staff = await seen({ role: 'staff' });
		expect(staff.items).toBeGreaterThan(0);
		const anyone = await seen({ role: 'public' });
		expect({ items: anyone.items, sites: anyone.sites, traceRequests: anyone.traceRequests }).toEqual({ items: 0, sites: 0, traceRequests: 0 });
	});
});
