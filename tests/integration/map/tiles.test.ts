import { expect, it } from 'vitest';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { GET as sitesGeojson } from '../../../src/routes/api/sites.geojson/+server.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { decodeTile } from './tile-decoding.ts';

const getTile = (layer: string, z: number, x: number, y: number, query = '', headers: Record<string, string> = {}) =>
	call(tile, `/tiles/${layer}/${z}/${x}/${y}.mvt${query ? '?' + query : ''}`, {
		params: { layer, z: String(z), x: String(x), y: String(y) },
		headers: { 'accept-encoding': 'gzip', ...headers }
	});

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describeEachBackend('vector tiles', (_db, backend) => {
	useAppDatabase(backend.url);

	it('serves the basemap with country names and shapes', async () => {
		const response = await getTile('countries', 1, 1, 0);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
		const { countries } = await decodeTile(response);
		const iraq = countries.find((f) => f.properties.iso3 === 'IRQ');
		expect(iraq).toMatchObject({ type: 3, properties: { name: 'Iraq', conflict: 1 } });
		expect(countries.length).toBeGreaterThan(50);
	});

	it('aggregates sites into counted cells at low zoom that add up to the matching sites', async () => {
		for (const query of ['', 'category=weapon&from=2016&to=2017', 'country=IRQ,SYR']) {
			const { sites } = await decodeTile(await getTile('sites', 0, 0, 0, query));
			expect(sites.every((f) => f.properties.cluster === 1)).toBe(true);
			const counts = await (await call(summary, `/api/summary?${query}`)).json();
			expect(sum(sites.map((f) => Number(f.properties.sites)))).toBe(counts.sites);
			expect(sum(sites.map((f) => Number(f.properties.items)))).toBe(counts.items);
		}
	});

	it('draws one point per site at high zoom with its counts by category', async () => {
		const largest = (await (await call(sitesGeojson, '/api/sites.geojson?limit=1')).json()).features[0];
		const [lon, lat] = largest.geometry.coordinates;
		const z = 7;
		const x = Math.floor(((lon + 180) / 360) * 2 ** z);
		const rad = (lat * Math.PI) / 180;
		const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
		const { sites } = await decodeTile(await getTile('sites', z, x, y));
		const site = sites.find((f) => f.id === largest.id)!;
		expect(site.properties).toMatchObject({ cluster: 0, name: largest.properties.name, units: largest.properties.units, items: largest.properties.items });
		const byCategory = ['weapon', 'ammunition', 'related', 'ied', 'dual_use'].map((c) => Number(site.properties[c]));
		expect(sum(byCategory)).toBe(site.properties.units);
		// Item records by category too (the pies' slices), summing to the site's records.
		const recordsByCategory = ['weapon', 'ammunition', 'related', 'ied', 'dual_use'].map((c) => Number(site.properties[`${c}_items`]));
		expect(sum(recordsByCategory)).toBe(site.properties.items);
	});

	it("names as a site's top category the one with most item records, a tie going to the first by name", async () => {
		const names = ['ammunition', 'dual_use', 'ied', 'related', 'weapon'];
		// The points of two busy z7 tiles: northern Iraq and Mogadishu.
		const points = [...(await decodeTile(await getTile('sites', 7, 79, 50))).sites, ...(await decodeTile(await getTile('sites', 7, 80, 63))).sites];
		const sitesOnly = points.filter((f) => f.properties.cluster === 0);
		expect(sitesOnly.length).toBeGreaterThan(5);
		let mixed = 0;
		for (const site of sitesOnly) {
			const records = names.map((c) => Number(site.properties[`${c}_items`] ?? 0));
			if (records.filter((n) => n > 0).length > 1) mixed++;
			expect(site.properties.top, `site ${site.id}`).toBe(names[records.indexOf(Math.max(...records))]);
		}
		// Sites holding more than one category, or the rule is not put to the test.
		expect(mixed).toBeGreaterThan(0);
	});

	it('changes the decoded features when the filter changes', async () => {
		const all = (await decodeTile(await getTile('sites', 3, 4, 3))).sites;
		const weapons = (await decodeTile(await getTile('sites', 3, 4, 3, 'category=weapon'))).sites;
		expect(sum(weapons.map((f) => Number(f.properties.units)))).toBeLessThan(sum(all.map((f) => Number(f.properties.units))));
		// Only weapons are counted: every feature's units are its weapon units, and weapon leads.
		expect(weapons.length).toBeGreaterThan(0);
		for (const feature of weapons) {
			expect(Number(feature.properties.weapon)).toBe(Number(feature.properties.units));
			expect(Number(feature.properties.weapon_items)).toBe(Number(feature.properties.items));
			expect(feature.properties.top).toBe('weapon');
			for (const other of ['ammunition', 'related', 'ied', 'dual_use']) expect(Number(feature.properties[other] ?? 0)).toBe(0);
		}
		const routes = (await decodeTile(await getTile('routes', 2, 2, 1))).routes;
		const reconstructed = (await getTile('routes', 2, 2, 1, 'response=expansive'));
		const fewer = reconstructed.status === 204 ? [] : (await decodeTile(reconstructed)).routes;
		expect(fewer.length).toBeLessThan(routes.length);
	});

	it('answers a repeated request with 304 when the ETag matches, and caches the tile', async () => {
		const first = await getTile('sites', 2, 2, 1, 'country=IRQ');
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^".+"$/);
		expect(first.headers.get('cache-control')).toContain('max-age');
		expect((await getTile('sites', 2, 2, 1, 'country=IRQ', { 'if-none-match': etag })).status).toBe(304);
		expect((await getTile('sites', 2, 2, 1, 'country=SYR', { 'if-none-match': etag })).status).toBe(200);
		expect((await getTile('sites', 2, 2, 1, 'country=IRQ')).headers.get('x-tile-cache')).toBe('hit');
	});

	it('answers 204 for a tile with nothing in it', async () => {
		expect((await getTile('sites', 6, 1, 30)).status).toBe(204); // the South Pacific
	});

	it('refuses tiles outside the grid with 400, unknown layers with 404 and bad filters with 400 naming the field', async () => {
		const cases: [Response, number, string][] = [
			[await getTile('sites', 23, 0, 0), 400, 'z'],
			[await getTile('sites', 2, 4, 0), 400, 'x'],
			[await getTile('sites', 2, 0, 4), 400, 'y'],
			[await getTile('tanks', 0, 0, 0), 404, 'layer'],
			[await getTile('sites', 0, 0, 0, 'country=Iraq'), 400, 'country'],
			[await getTile('sites', 0, 0, 0, 'from=2019&to=2015'), 400, 'from']
		];
		for (const [response, status, field] of cases) {
			expect(response.status).toBe(status);
			expect(await response.json()).toMatchObject({ field, error: expect.any(String) });
		}
	});

	it("refuses a zoom beyond the layer's maxzoom in the manifest with 400 naming z, and serves its maxzoom", async () => {
		const beyond = await getTile('sites', 15, 0, 0);
		expect(beyond.status).toBe(400);
		expect(await beyond.json()).toEqual({ field: 'z', error: 'z: from 0 to 14 for layer sites' });
		expect((await getTile('sites', 14, 0, 0)).status).toBe(204);
	});
});
