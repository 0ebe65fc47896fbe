// OGC API – Features Part 1 Core over the portal's collections, called as the server calls
// its routes. What GDAL makes of it, through a running portal: gdal-reads-ogc-api.test.ts.
import { expect, it } from 'vitest';
import { GET as landing } from '../../../src/routes/ogc/+server.ts';
import { GET as conformance } from '../../../src/routes/ogc/conformance/+server.ts';
import { GET as collections } from '../../../src/routes/ogc/collections/+server.ts';
import { GET as collection } from '../../../src/routes/ogc/collections/[collectionId]/+server.ts';
import { GET as items } from '../../../src/routes/ogc/collections/[collectionId]/items/+server.ts';
import { GET as item } from '../../../src/routes/ogc/collections/[collectionId]/items/[featureId]/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { GET as openapi } from '../../../src/routes/api/openapi.json/+server.ts';
import { FILTER_KEYS } from '../../../src/lib/filter/filter-schema.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';

interface Link {
	rel: string;
	href: string;
	type: string;
}
type Items = GeoJSON.FeatureCollection & { numberMatched: number; numberReturned: number; timeStamp: string; links: Link[] };

const ORIGIN = 'http://atlas.test';
const json = async (response: Response) => response.json();
const itemsOf = (id: string, query = '') => call(items, `/ogc/collections/${id}/items${query}`, { params: { collectionId: id } });
const itemOf = (id: string, featureId: string) => call(item, `/ogc/collections/${id}/items/${featureId}`, { params: { collectionId: id, featureId } });

/** Every feature of a collection, by following `next` links from the first page. */
async function walk(id: string, query: string): Promise<{ pages: Items[]; ids: (string | number)[] }> {
	const pages: Items[] = [];
	let response = await itemsOf(id, query);
	for (;;) {
		expect(response.status).toBe(200);
		const page: Items = await response.json();
		pages.push(page);
		const next = page.links.find((link) => link.rel === 'next');
		if (!next) break;
		expect(next.href.startsWith(`${ORIGIN}/ogc/collections/${id}/items?`)).toBe(true);
		response = await call(items, next.href, { params: { collectionId: id } });
	}
	return { pages, ids: pages.flatMap((page) => page.features.map((feature) => feature.id!)) };
}

describeEachBackend('OGC API – Features', (db, backend) => {
	useAppDatabase(backend.url);

	it('has a landing page linking the API definition, conformance and the collections, absolute from the origin', async () => {
		const response = await call(landing, '/ogc');
		expect(response.headers.get('content-type')).toBe('application/json');
		const page = await json(response);
		expect(page.title).toMatch(/Diversion Atlas/);
		const byRel = Object.fromEntries(page.links.map((link: Link) => [link.rel, link.href]));
		expect(byRel).toMatchObject({
			self: `${ORIGIN}/ogc`,
			'service-desc': `${ORIGIN}/api/openapi.json`,
			conformance: `${ORIGIN}/ogc/conformance`,
			data: `${ORIGIN}/ogc/collections`
		});
	});

	it('is described in the API definition its landing page links, limit bounds and Filter parameters included', async () => {
		const { paths } = await json(await call(openapi, '/api/openapi.json'));
		const itemsPath = paths['/ogc/collections/{collectionId}/items'].get;
		const names = itemsPath.parameters.map((p: { name: string }) => p.name);
		expect(names).toEqual(expect.arrayContaining(['limit', 'bbox', 'datetime', ...FILTER_KEYS]));
		expect(itemsPath.parameters.find((p: { name: string }) => p.name === 'limit').schema).toMatchObject({ minimum: 1, maximum: 5000, default: 100 });
		for (const path of ['/ogc', '/ogc/conformance', '/ogc/collections', '/ogc/collections/{collectionId}', '/ogc/collections/{collectionId}/items/{featureId}', '/tiles/{layer}.json']) {
			expect(paths[path]?.get, path).toBeDefined();
		}
	});

	it('declares the Core and GeoJSON conformance classes', async () => {
		const { conformsTo } = await json(await call(conformance, '/ogc/conformance'));
		expect(conformsTo).toEqual(
			expect.arrayContaining(['http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core', 'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'])
		);
	});

	it('lists sites, cases and routes with a CRS84 extent, a time interval and links to their items', async () => {
		const list = await json(await call(collections, '/ogc/collections'));
		expect(list.collections.map((c: { id: string }) => c.id)).toEqual(['sites', 'cases', 'routes']);
		for (const entry of list.collections) {
			expect(entry.crs).toEqual(['http://www.opengis.net/def/crs/OGC/1.3/CRS84']);
			const [[west, south, east, north]] = entry.extent.spatial.bbox;
			expect(west).toBeLessThan(east);
			expect(south).toBeLessThan(north);
			expect(entry.extent.temporal.interval[0][0]).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
			expect(entry.links).toContainEqual(expect.objectContaining({ rel: 'items', type: 'application/geo+json', href: `${ORIGIN}/ogc/collections/${entry.id}/items` }));
		}
		const one = await json(await call(collection, '/ogc/collections/routes?country=LBN', { params: { collectionId: 'routes' } }));
		expect(one.id).toBe('routes');
		expect(one.links).toContainEqual(expect.objectContaining({ rel: 'items', href: `${ORIGIN}/ogc/collections/routes/items?country=LBN` }));
		expect((await call(collection, '/ogc/collections/parties', { params: { collectionId: 'parties' } })).status).toBe(404);
	});

	it('pages items as GeoJSON whose next links reach every feature the portal counts, each once', async () => {
		const { sites, cases } = await json(await call(summary, '/api/summary?country=IRQ,SYR'));
		const siteWalk = await walk('sites', '?country=IRQ,SYR&limit=100');
		expect(siteWalk.pages.length).toBeGreaterThan(2);
		expect(siteWalk.ids).toHaveLength(sites);
		expect(new Set(siteWalk.ids).size).toBe(sites);
		expect(siteWalk.pages.every((page) => page.numberMatched === sites && page.numberReturned === page.features.length)).toBe(true);
		expect(siteWalk.pages.slice(0, -1).every((page) => page.numberReturned === 100)).toBe(true);
		expect(Date.parse(siteWalk.pages[0].timeStamp)).not.toBeNaN();
		expect(siteWalk.pages[1].links.map((link) => link.rel)).toEqual(expect.arrayContaining(['self', 'next', 'prev', 'collection']));
		const caseWalk = await walk('cases', '?country=IRQ,SYR&limit=5000');
		expect(new Set(caseWalk.ids).size).toBe(cases);
		const response = await itemsOf('sites', '?limit=1');
		expect(response.headers.get('content-type')).toBe('application/geo+json');
	});

	it('serves 100 features by default and at most 5000 when asked for more', async () => {
		expect((await json(await itemsOf('sites'))).numberReturned).toBe(100);
		expect((await json(await itemsOf('cases', '?limit=100000'))).numberReturned).toBe(5000);
	});

	it('reads datetime as the documented-on range of the Filter, instants and open ends included', async () => {
		const counted = async (query: string) => (await json(await call(summary, `/api/summary?${query}`))).sites;
		const matched = async (query: string) => (await json(await itemsOf('sites', `?limit=1&${query}`))).numberMatched;
		expect(await matched('datetime=2017-01-01/2017-12-31')).toBe(await counted('from=2017-01-01&to=2017-12-31'));
		expect(await matched('datetime=../2015-06-30')).toBe(await counted('to=2015-06-30'));
		expect(await matched('datetime=2019-01-01T00:00:00Z/..')).toBe(await counted('from=2019-01-01'));
		expect(await matched('datetime=2018-05-02')).toBe(await counted('from=2018-05-02&to=2018-05-02'));
		expect(await matched('datetime=2019-01-01/..')).toBeLessThan(await matched('datetime=../..'));
	});

	it('keeps features inside bbox and applies the Filter parameters', async () => {
		const page: Items = await json(await itemsOf('sites', '?bbox=38.8,29,48.6,37.4&category=weapon&limit=5000'));
		expect(page.numberReturned).toBeGreaterThan(0);
		for (const feature of page.features) {
			const [lon, lat] = (feature.geometry as GeoJSON.Point).coordinates;
			expect(lon >= 38.8 && lon <= 48.6 && lat >= 29 && lat <= 37.4).toBe(true);
		}
		expect(page.numberMatched).toBe(page.numberReturned);
		expect(page.numberMatched).toBeLessThan((await json(await itemsOf('sites', '?category=weapon&limit=1'))).numberMatched);
		expect(page.features.every((feature) => feature.properties!.iso3 !== 'MLI')).toBe(true);
	});

	it.each([
		['?bbox=1,2,3', 'bbox'],
		['?bbox=10,0,5,5', 'bbox'],
		['?bbox=1,2,3,4&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/3857', 'bbox-crs'],
		['?datetime=2019-02-30', 'datetime'],
		['?datetime=2020-01-01/2019-01-01', 'datetime'],
		['?datetime=yesterday', 'datetime'],
		['?limit=0', 'limit'],
		['?limit=many', 'limit'],
		['?f=html', 'f'],
		['?country=XXX', 'country']
	])('refuses %s with 400 naming %s', async (query, field) => {
		const response = await itemsOf('sites', query);
		expect(response.status).toBe(400);
		expect((await response.json()).field).toBe(field);
	});

	it.each(['sites', 'cases', 'routes'])('answers one of %s by id, as the unfiltered collection shows it', async (id) => {
		const [first] = (await json(await itemsOf(id, '?limit=1'))).features;
		const response = await itemOf(id, String(first.id));
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/geo+json');
		const feature = await response.json();
		expect({ ...feature, links: undefined }).toEqual({ ...first, links: undefined });
		expect(feature.links).toContainEqual(expect.objectContaining({ rel: 'self', href: `${ORIGIN}/ogc/collections/${id}/items/${first.id}` }));
	});

	it('answers 404 naming collectionId for a collection it does not serve', async () => {
		const unknown = await itemsOf('parties');
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).field).toBe('collectionId');
	});

	it('never shows a draft site, and answers its id as it answers an id that does not exist', async () => {
		const [draft] = await db()<{ id: number }[]>`
			SELECT s.id FROM atlas.sites s WHERE s.visibility = 'draft'
			  AND EXISTS (SELECT 1 FROM atlas.item_facts f WHERE f.site_id = s.id) ORDER BY s.id LIMIT 1`;
		expect(draft).toBeDefined();
		const { ids } = await walk('sites', '?limit=5000');
		expect(ids).not.toContain(draft.id);
		const [{ missing }] = await db()<{ missing: number }[]>`SELECT max(id) + 1000 AS missing FROM atlas.sites`;
		const hidden = await itemOf('sites', String(draft.id));
		const absent = await itemOf('sites', String(missing));
		expect(hidden.status).toBe(404);
		expect(await hidden.json()).toEqual(await absent.json());
		for (const text of ['0', '-1', 'abc', '99999999999']) expect((await itemOf('sites', text)).status).toBe(404);
	});
});
