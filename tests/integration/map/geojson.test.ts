import { expect, it } from 'vitest';
import { GET as sites } from '../../../src/routes/api/sites.geojson/+server.ts';
import { GET as routes } from '../../../src/routes/api/routes.geojson/+server.ts';
import { GET as cases } from '../../../src/routes/api/cases.geojson/+server.ts';
import { GET as countries } from '../../../src/routes/api/countries.geojson/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { GET as facets } from '../../../src/routes/api/facets/+server.ts';
import { GET as openapi } from '../../../src/routes/api/openapi.json/+server.ts';
import { FILTER_KEYS } from '../../../src/lib/filter/filter-schema.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';

type Collection = GeoJSON.FeatureCollection & { numberMatched: number; numberReturned: number; links: { rel: string; href: string }[] };
const get = async (handler: Parameters<typeof call>[0], path: string) => (await call(handler, path)).json();

/** The parts of RFC 7946 a client relies on: types, [lon, lat] in range, properties objects. */
function expectValidGeoJson(collection: Collection, geometryType: string) {
	expect(collection.type).toBe('FeatureCollection');
	for (const feature of collection.features) {
		expect(feature.type).toBe('Feature');
		expect(feature.geometry.type).toBe(geometryType);
		const positions = (feature.geometry.type === 'Point' ? [feature.geometry.coordinates] : (feature.geometry as GeoJSON.LineString).coordinates) as number[][];
		for (const [lon, lat] of positions) {
			expect(Math.abs(lon)).toBeLessThanOrEqual(180);
			expect(Math.abs(lat)).toBeLessThanOrEqual(90);
		}
		expect(typeof feature.properties).toBe('object');
	}
}

describeEachBackend('GeoJSON collections, counts and facets', (_db, backend) => {
	useAppDatabase(backend.url);

	it('pages sites as valid GeoJSON, never more than the limit, with the total matched', async () => {
		const first: Collection = await get(sites, '/api/sites.geojson?limit=100');
		expectValidGeoJson(first, 'Point');
		expect(first.numberReturned).toBe(100);
		const { sites: matching } = await get(summary, '/api/summary');
		expect(first.numberMatched).toBe(matching);
		const next = first.links.find((l) => l.rel === 'next')!;
		const second: Collection = await get(sites, next.href);
		expect(second.features.map((f) => f.id)).not.toContain(first.features[0].id);
		const unbounded: Collection = await get(sites, '/api/sites.geojson');
		expect(unbounded.numberReturned).toBeLessThanOrEqual(1000);
	});

	it('keeps sites inside the bounding box and applies the filter', async () => {
		const iraq: Collection = await get(sites, '/api/sites.geojson?bbox=38.8,29,48.6,37.4&limit=5000');
		for (const f of iraq.features) {
			const [lon, lat] = (f.geometry as GeoJSON.Point).coordinates;
			expect(lon).toBeGreaterThanOrEqual(38.8);
			expect(lat).toBeLessThanOrEqual(37.4);
		}
		const libya: Collection = await get(sites, '/api/sites.geojson?country=LBY&limit=5000');
		expect(libya.features.every((f) => f.properties!.iso3 === 'LBY')).toBe(true);
		expect(libya.numberMatched).toBeLessThan((await get(sites, '/api/sites.geojson?limit=1')).numberMatched);
	});

	it('draws a consignment route to each of its recovery sites, ending at the site', async () => {
		const fn: Collection = await get(routes, '/api/routes.geojson?made_in=BEL&country=LBN');
		expectValidGeoJson(fn, 'LineString');
		expect(fn.features.length).toBeGreaterThan(0);
		const mortars = (await get(routes, '/api/routes.geojson?limit=5000')).features.filter((f: GeoJSON.Feature) =>
			String(f.properties!.siteName).startsWith('Bashiqa'));
		expect(mortars).toHaveLength(1);
		const consignment = mortars[0].properties.consignment;
		const all: Collection = await get(routes, `/api/routes.geojson?consignment=${consignment}`);
		expect(new Set(all.features.map((f) => f.properties!.site)).size).toBe(6);
		const ends = all.features.map((f) => (f.geometry as GeoJSON.LineString).coordinates.at(-1));
		const recovered: Collection = await get(sites, `/api/sites.geojson?consignment=${consignment}`);
		for (const end of ends) {
			expect(recovered.features.some((s) => JSON.stringify((s.geometry as GeoJSON.Point).coordinates) === JSON.stringify(end))).toBe(true);
		}
	});

	it('lists cases with matching items where their sites are', async () => {
		const lebanon: Collection = await get(cases, '/api/cases.geojson?country=LBN&limit=500');
		expectValidGeoJson(lebanon, 'Point');
		expect(lebanon.features.some((f) => String(f.properties!.title).startsWith('Letfallah II'))).toBe(true);
		expect(lebanon.features.every((f) => f.properties!.iso3 === 'LBN')).toBe(true);
	});

	it('counts what the filter selects and narrows as filters are added', async () => {
		const all = await get(summary, '/api/summary');
		const weapons = await get(summary, '/api/summary?category=weapon');
		const weaponsInIraq = await get(summary, '/api/summary?category=weapon&country=IRQ');
		expect(all.items).toBeGreaterThan(weapons.items);
		expect(weapons.items).toBeGreaterThan(weaponsInIraq.items);
		expect(weaponsInIraq.items).toBeGreaterThan(0);
		for (const key of ['items', 'units', 'sites', 'cases', 'routes']) expect(typeof all[key]).toBe('number');
	});

	it('counts the distinct sites, cases and routes behind the matching public items', async () => {
		const counted = await get(summary, '/api/summary?category=weapon&country=IRQ');
		const [expected] = await _db()`
			WITH matching AS (
				SELECT * FROM atlas.item_facts WHERE visibility = 'public' AND category = 'weapon' AND country_iso3 = 'IRQ'
			)
			SELECT (SELECT count(*) FROM matching)::int AS items,
				(SELECT sum(quantity) FROM matching)::float8 AS units,
				(SELECT count(DISTINCT site_id) FROM matching)::int AS sites,
				(SELECT count(DISTINCT c) FROM matching, unnest(case_ids) AS c)::int AS cases,
				(SELECT count(*) FROM atlas.routes r WHERE r.visibility = 'public'
					-- A route shows only with its consignment, case and site (017).
					AND EXISTS (SELECT 1 FROM atlas.consignments c WHERE c.id = r.consignment_id AND c.visibility = 'public')
					AND (r.case_id IS NULL OR EXISTS (SELECT 1 FROM atlas.diversion_cases d WHERE d.id = r.case_id AND d.visibility = 'public'))
					AND EXISTS (SELECT 1 FROM atlas.sites s WHERE s.id = r.site_id AND s.visibility = 'public')
					AND EXISTS (SELECT 1 FROM matching m WHERE m.consignment_id = r.consignment_id AND m.site_id = r.site_id))::int AS routes`;
		expect(counted).toEqual(expected);
		expect(counted.routes).toBeGreaterThan(0);
	});

	it('counts a response class as the items that choosing it selects', async () => {
		const result = await get(facets, '/api/facets?country=IRQ');
		expect(result.response.length).toBeGreaterThan(1);
		for (const { value, count } of result.response as Array<{ value: string; count: number }>) {
			const { items } = await get(summary, `/api/summary?country=IRQ&response=${value}`);
			expect(count).toBe(items);
		}
	});

	it('counts each facet without its own filter but with the others', async () => {
		const result = await get(facets, '/api/facets?category=weapon&country=IRQ');
		const categories = Object.fromEntries(result.category.map((v: { value: string; count: number }) => [v.value, v.count]));
		expect(Object.keys(categories).length).toBeGreaterThan(1); // its own filter not applied
		const { items } = await get(summary, '/api/summary?category=weapon&country=IRQ');
		expect(categories.weapon).toBe(items);
		expect(result.country.find((v: { value: string }) => v.value === 'IRQ')).toMatchObject({ label: 'Iraq', count: items });
	});

	it('answers bad pages and filters with 400 naming the field', async () => {
		for (const [handler, path, field] of [
			[sites, '/api/sites.geojson?limit=5001', 'limit'],
			[sites, '/api/sites.geojson?bbox=1,2,3', 'bbox'],
			[routes, '/api/routes.geojson?category=tank', 'category'],
			[cases, '/api/cases.geojson?to=2015-13-01', 'to'],
			[summary, '/api/summary?case=x', 'case'],
			[facets, '/api/facets?made_in=1', 'made_in']
		] as const) {
			const response = await call(handler, path);
			expect(response.status).toBe(400);
			expect(await response.json()).toMatchObject({ field });
		}
	});

	it('gives JSON answers an ETag and answers If-None-Match with 304', async () => {
		const first = await call(summary, '/api/summary?country=SOM');
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^".+"$/);
		expect((await call(summary, '/api/summary?country=SOM', { headers: { 'if-none-match': etag } })).status).toBe(304);
		const other = await call(summary, '/api/summary?country=SSD', { headers: { 'if-none-match': etag } });
		expect(other.status).toBe(200);
		expect(other.headers.get('etag')).not.toBe(etag);
	});

	it('gives country label points for the basemap', async () => {
		const labels: Collection = await get(countries, '/api/countries.geojson');
		expectValidGeoJson(labels, 'Point');
		expect(labels.features.find((f) => f.properties!.iso3 === 'SYR')).toMatchObject({ properties: { name: 'Syria', conflict: true } });
	});

	it('names every country label in English and in French', async () => {
		const labels: Collection = await get(countries, '/api/countries.geojson');
		expect(labels.features.find((f) => f.properties!.iso3 === 'CIV')).toMatchObject({ properties: { names: { en: 'Ivory Coast', fr: "Côte d'Ivoire" } } });
		expect(labels.features.find((f) => f.properties!.iso3 === 'SYR')).toMatchObject({ properties: { names: { en: 'Syria', fr: 'Syrie' } } });
		for (const feature of labels.features) expect(feature.properties!.names.fr, String(feature.properties!.iso3)).toBeTruthy();
	});
});

it('documents every filter parameter on every filtered endpoint in the OpenAPI file', async () => {
	const document = await (await call(openapi, '/api/openapi.json')).json();
	expect(document.openapi).toMatch(/^3\.1/);
	for (const path of ['/tiles/{layer}/{z}/{x}/{y}.mvt', '/api/sites.geojson', '/api/routes.geojson', '/api/cases.geojson', '/api/summary', '/api/facets', '/api/stats']) {
		const names = document.paths[path].get.parameters.map((p: { name: string }) => p.name);
		for (const key of FILTER_KEYS) expect(names, `${path} ${key}`).toContain(key);
	}
});
