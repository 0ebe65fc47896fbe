// Every public endpoint and page of the portal, called as the server would, with whatever a
// handler throws turned into the status a reader would see: an HttpError or Redirect from
// kit keeps its status, anything else is the 500 the brief forbids.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { FILTER_KEYS } from '../../../src/lib/filter/filter-schema.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { GET as facets } from '../../../src/routes/api/facets/+server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { GET as sites } from '../../../src/routes/api/sites.geojson/+server.ts';
import { GET as routes } from '../../../src/routes/api/routes.geojson/+server.ts';
import { GET as cases } from '../../../src/routes/api/cases.geojson/+server.ts';
import { GET as countries } from '../../../src/routes/api/countries.geojson/+server.ts';
import { GET as flows } from '../../../src/routes/api/flows/+server.ts';
import { GET as site } from '../../../src/routes/api/sites/[id]/+server.ts';
import { GET as item } from '../../../src/routes/api/items/[id]/+server.ts';
import { GET as consignment } from '../../../src/routes/api/consignments/[id]/+server.ts';
import { GET as search } from '../../../src/routes/api/search/+server.ts';
import { GET as parties } from '../../../src/routes/api/parties/+server.ts';
import { GET as health } from '../../../src/routes/api/health/+server.ts';
import { GET as openapi } from '../../../src/routes/api/openapi.json/+server.ts';
import { GET as unknownApi } from '../../../src/routes/api/[...rest]/+server.ts';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { GET as tileJson } from '../../../src/routes/tiles/[layer].json/+server.ts';
import { GET as ogcLanding } from '../../../src/routes/ogc/+server.ts';
import { GET as ogcConformance } from '../../../src/routes/ogc/conformance/+server.ts';
import { GET as ogcCollections } from '../../../src/routes/ogc/collections/+server.ts';
import { GET as ogcCollection } from '../../../src/routes/ogc/collections/[collectionId]/+server.ts';
import { GET as ogcItems } from '../../../src/routes/ogc/collections/[collectionId]/items/+server.ts';
import { GET as ogcItem } from '../../../src/routes/ogc/collections/[collectionId]/items/[featureId]/+server.ts';
import { GET as unknownOgc } from '../../../src/routes/ogc/[...rest]/+server.ts';
import { load as homePage } from '../../../src/routes/+page.server.ts';
import { load as itemPage } from '../../../src/routes/items/[id]/+page.server.ts';
import { load as casePage } from '../../../src/routes/cases/[id]/+page.server.ts';
import { load as consignmentPage } from '../../../src/routes/consignments/[id]/+page.server.ts';
import { load as partyPage } from '../../../src/routes/parties/[id]/+page.server.ts';
import { load as flaggedPartiesPage } from '../../../src/routes/parties/+page.server.ts';
import { load as countryPage } from '../../../src/routes/countries/[iso3]/+page.server.ts';
import { load as aboutPage } from '../../../src/routes/about/+page.server.ts';
import { load as layout } from '../../../src/routes/+layout.server.ts';
import { GET as exportCsv } from '../../../src/routes/api/export.csv/+server.ts';
import { GET as exportGeojson } from '../../../src/routes/api/export.geojson/+server.ts';
import { GET as exportJson } from '../../../src/routes/api/export.json/+server.ts';
import { load as dictionaryPage } from '../../../src/routes/data/dictionary/+page.server.ts';
import { load as devMapLayerPage } from '../../../src/routes/dev/map-layer/+page.server.ts';
import { load as changesPage } from '../../../src/routes/changes/+page.server.ts';
import { GET as changesAtom } from '../../../src/routes/changes.atom/+server.ts';
import { GET as feedAtom } from '../../../src/routes/feed.atom/+server.ts';
import { load as embedPage } from '../../../src/routes/embed/+page.server.ts';
import { GET as oembed } from '../../../src/routes/oembed/+server.ts';
import { load as destinationsPage } from '../../../src/routes/destinations/+page.server.ts';
import { load as loginPage } from '../../../src/routes/login/+page.server.ts';
import { load as passwordPage } from '../../../src/routes/account/password/+page.server.ts';
import { load as auditPage } from '../../../src/routes/admin/audit/+page.server.ts';
import { load as usersPage } from '../../../src/routes/admin/users/+page.server.ts';
import { load as importPage } from '../../../src/routes/admin/import/+page.server.ts';
import { load as importReportPage } from '../../../src/routes/admin/import/[id]/+page.server.ts';
import { GET as importTemplate } from '../../../src/routes/admin/import/template.csv/+server.ts';
import { load as reviewPage } from '../../../src/routes/admin/review/+page.server.ts';
import { load as repliesPage } from '../../../src/routes/admin/review/replies/+page.server.ts';
import { load as partnerPage } from '../../../src/routes/partner/+page.server.ts';
import { GET as itemPhoto } from '../../../src/routes/media/photos/[name]/+server.ts';
import { load as briefingPage } from '../../../src/routes/briefing/+page.server.ts';
import { GET as briefingPdf } from '../../../src/routes/briefing.pdf/+server.ts';
import { EMBED_OPTION_KEYS } from '../../../src/lib/share/embed-options.ts';

export interface Answer {
	status: number;
	body: string;
	contentType: string;
}

type Handler = (event: never) => unknown;

export interface Endpoint {
	name: string;
	kind: 'api' | 'page';
	handler: Handler;
	/** Path segments the route reads from its address, with a value that exists. */
	path: Record<string, string>;
	/** Query parameters the route reads. */
	query: readonly string[];
	/** Whether the route reads the database (inputs refused before it cost no query). */
	database: boolean;
	route: (path: Record<string, string>) => string;
	/** Environment the call runs under, restored after it. */
	env?: Record<string, string>;
	/** The one 5xx this endpoint answers here, for want of what the harness lacks (with its own test elsewhere). */
	unavailable?: number;
	/** Statuses an accepted input may also get (a form's choice redirected into the Filter). */
	redirects?: number[];
	/** Behind sign-in: an anonymous reader is sent to /login (303) before any input is read. */
	guarded?: boolean;
}

const FILTER = FILTER_KEYS;
const PAGE = ['limit', 'offset', 'bbox'] as const;
// OGC API – Features items: the Filter, the page (offset in `next` links) and the standard's own.
const OGC_ITEMS = [...FILTER, ...PAGE, 'datetime', 'bbox-crs', 'f'] as const;

export const ENDPOINTS: readonly Endpoint[] = [
	{ name: 'summary', kind: 'api', handler: summary, path: {}, query: FILTER, database: true, route: () => '/api/summary' },
	{ name: 'facets', kind: 'api', handler: facets, path: {}, query: FILTER, database: true, route: () => '/api/facets' },
	{ name: 'stats', kind: 'api', handler: stats, path: {}, query: [...FILTER, 'bbox'], database: true, route: () => '/api/stats' },
	{ name: 'sites.geojson', kind: 'api', handler: sites, path: {}, query: [...FILTER, ...PAGE], database: true, route: () => '/api/sites.geojson' },
	{ name: 'routes.geojson', kind: 'api', handler: routes, path: {}, query: [...FILTER, ...PAGE], database: true, route: () => '/api/routes.geojson' },
	{ name: 'cases.geojson', kind: 'api', handler: cases, path: {}, query: [...FILTER, ...PAGE], database: true, route: () => '/api/cases.geojson' },
	{ name: 'flows', kind: 'api', handler: flows, path: {}, query: FILTER, database: true, route: () => '/api/flows' },
	{ name: 'countries.geojson', kind: 'api', handler: countries, path: {}, query: [], database: true, route: () => '/api/countries.geojson' },
	{ name: 'sites/[id]', kind: 'api', handler: site, path: { id: '1' }, query: [...FILTER, 'limit', 'offset'], database: true, route: (p) => `/api/sites/${p.id}` },
	{ name: 'items/[id]', kind: 'api', handler: item, path: { id: '1' }, query: [], database: true, route: (p) => `/api/items/${p.id}` },
	{ name: 'consignments/[id]', kind: 'api', handler: consignment, path: { id: '1' }, query: [], database: true, route: (p) => `/api/consignments/${p.id}` },
	{ name: 'search', kind: 'api', handler: search, path: {}, query: ['q'], database: true, route: () => '/api/search' },
	{ name: 'parties', kind: 'api', handler: parties, path: {}, query: ['q', 'role', 'limit', 'ids'], database: true, route: () => '/api/parties' },
	{ name: 'health', kind: 'api', handler: health, path: {}, query: [], database: true, route: () => '/api/health' },
	{ name: 'openapi.json', kind: 'api', handler: openapi, path: {}, query: [], database: false, route: () => '/api/openapi.json' },
	{ name: 'api/[...rest]', kind: 'api', handler: unknownApi, path: { rest: 'nothing/here' }, query: [], database: false, route: (p) => `/api/${p.rest}` },
	{
		name: 'tiles', kind: 'api', handler: tile, path: { layer: 'sites', z: '5', x: '19', y: '12' }, query: FILTER, database: true,
		route: (p) => `/tiles/${p.layer}/${p.z}/${p.x}/${p.y}.mvt`
	},
	// Downloads stream every item the Filter selects: the property suite narrows them like stats.
	{ name: 'export.csv', kind: 'api', handler: exportCsv, path: {}, query: FILTER, database: true, route: () => '/api/export.csv' },
	{ name: 'export.geojson', kind: 'api', handler: exportGeojson, path: {}, query: FILTER, database: true, route: () => '/api/export.geojson' },
	{ name: 'export.json', kind: 'api', handler: exportJson, path: {}, query: FILTER, database: true, route: () => '/api/export.json' },
	{ name: 'feed.atom', kind: 'api', handler: feedAtom, path: {}, query: FILTER, database: true, route: () => '/feed.atom' },
	{ name: 'changes.atom', kind: 'api', handler: changesAtom, path: {}, query: [], database: true, route: () => '/changes.atom' },
	{ name: 'tiles/[layer].json', kind: 'api', handler: tileJson, path: { layer: 'sites' }, query: FILTER, database: false, route: (p) => `/tiles/${p.layer}.json` },
	{ name: 'ogc', kind: 'api', handler: ogcLanding, path: {}, query: ['f'], database: false, route: () => '/ogc' },
	{ name: 'ogc/conformance', kind: 'api', handler: ogcConformance, path: {}, query: ['f'], database: false, route: () => '/ogc/conformance' },
	{ name: 'ogc/collections', kind: 'api', handler: ogcCollections, path: {}, query: [...FILTER, 'f'], database: true, route: () => '/ogc/collections' },
	{ name: 'ogc/collections/[collectionId]', kind: 'api', handler: ogcCollection, path: { collectionId: 'sites' }, query: [...FILTER, 'f'], database: true, route: (p) => `/ogc/collections/${p.collectionId}` },
	{ name: 'ogc items', kind: 'api', handler: ogcItems, path: { collectionId: 'sites' }, query: OGC_ITEMS, database: true, route: (p) => `/ogc/collections/${p.collectionId}/items` },
	{
		name: 'ogc item', kind: 'api', handler: ogcItem, path: { collectionId: 'routes', featureId: '1' }, query: ['f'], database: true,
		route: (p) => `/ogc/collections/${p.collectionId}/items/${p.featureId}`
	},
	{ name: 'ogc/[...rest]', kind: 'api', handler: unknownOgc, path: { rest: 'nothing/here' }, query: [], database: false, route: (p) => `/ogc/${p.rest}` },
	// The layout reads the current data release (footer, citations) and a link's pin.
	{ name: 'layout', kind: 'page', handler: layout, path: {}, query: ['lang', 'release'], database: true, route: () => '/' },
	{ name: 'page /', kind: 'page', handler: homePage, path: {}, query: [], database: true, route: () => '/' },
	{ name: 'page /changes', kind: 'page', handler: changesPage, path: {}, query: [], database: true, route: () => '/changes' },
	{ name: 'page /about', kind: 'page', handler: aboutPage, path: {}, query: [], database: true, route: () => '/about' },
	{ name: 'page /items/[id]', kind: 'page', handler: itemPage, path: { id: '1' }, query: [], database: true, route: (p) => `/items/${p.id}` },
	{ name: 'page /cases/[id]', kind: 'page', handler: casePage, path: { id: '1' }, query: [], database: true, route: (p) => `/cases/${p.id}` },
	{ name: 'page /consignments/[id]', kind: 'page', handler: consignmentPage, path: { id: '1' }, query: [], database: true, route: (p) => `/consignments/${p.id}` },
	{ name: 'page /parties', kind: 'page', handler: flaggedPartiesPage, path: {}, query: ['flagged'], database: true, route: () => '/parties' },
	{ name: 'page /parties/[id]', kind: 'page', handler: partyPage, path: { id: '1' }, query: [], database: true, route: (p) => `/parties/${p.id}` },
	{ name: 'page /countries/[iso3]', kind: 'page', handler: countryPage, path: { iso3: 'IRQ' }, query: ['from', 'to'], database: true, route: (p) => `/countries/${p.iso3}` },
	{ name: 'oembed', kind: 'api', handler: oembed, path: {}, query: ['url', 'maxwidth', 'maxheight', 'format'], database: true, route: () => '/oembed' },
	{ name: 'page /data/dictionary', kind: 'page', handler: dictionaryPage, path: {}, query: [], database: false, route: () => '/data/dictionary' },
	{ name: 'page /embed', kind: 'page', handler: embedPage, path: {}, query: [...FILTER, ...EMBED_OPTION_KEYS], database: true, route: () => '/embed' },
	{ name: 'page /destinations', kind: 'page', handler: destinationsPage, path: {}, query: ['made_in', 'from', 'to'], database: true, route: () => '/destinations' },
	// Sign-in, and the pages of staff and partners: an anonymous reader is sent to /login
	// (requireRole) before anything else is read; their own suites try them signed in.
	{ name: 'page /login', kind: 'page', handler: loginPage, path: {}, query: ['next'], database: false, route: () => '/login' },
	{ name: 'page /account/password', kind: 'page', handler: passwordPage, path: {}, query: ['next'], database: false, route: () => '/account/password', redirects: [303], guarded: true },
	{ name: 'page /admin/audit', kind: 'page', handler: auditPage, path: {}, query: [], database: false, route: () => '/admin/audit', redirects: [303], guarded: true },
	{ name: 'page /admin/users', kind: 'page', handler: usersPage, path: {}, query: [], database: false, route: () => '/admin/users', redirects: [303], guarded: true },
	{ name: 'page /admin/import', kind: 'page', handler: importPage, path: {}, query: [], database: false, route: () => '/admin/import', redirects: [303], guarded: true },
	{ name: 'page /admin/import/[id]', kind: 'page', handler: importReportPage, path: { id: '1' }, query: [], database: false, route: (p) => `/admin/import/${p.id}`, redirects: [303], guarded: true },
	{ name: 'admin/import/template.csv', kind: 'api', handler: importTemplate, path: {}, query: [], database: false, route: () => '/admin/import/template.csv', redirects: [303], guarded: true },
	{ name: 'page /admin/review', kind: 'page', handler: reviewPage, path: {}, query: [], database: false, route: () => '/admin/review', redirects: [303], guarded: true },
	{ name: 'page /admin/review/replies', kind: 'page', handler: repliesPage, path: {}, query: [], database: false, route: () => '/admin/review/replies', redirects: [303], guarded: true },
	{ name: 'page /partner', kind: 'page', handler: partnerPage, path: {}, query: [], database: false, route: () => '/partner', redirects: [303], guarded: true },
	// An item's photo, under the item's row security: a name no visible item has is a 404.
	{ name: 'media/photos/[name]', kind: 'api', handler: itemPhoto, path: { name: 'none.jpg' }, query: [], database: true, route: (p) => `/media/photos/${p.name}` },
	{ name: 'page /briefing', kind: 'page', handler: briefingPage, path: {}, query: [...FILTER, 'region'], database: true, route: () => '/briefing', redirects: [303] },
	// No server answers at atlas.test for Chromium to print, so it runs here without one: an
	// accepted filter is the 501 (tests/integration/briefing prints real PDFs), a bad one a 400.
	{ name: 'briefing.pdf', kind: 'api', handler: briefingPdf, path: {}, query: [...FILTER, 'region'], database: true, route: () => '/briefing.pdf', env: { CHROMIUM_PATH: '/nonexistent/chromium' }, unavailable: 501, redirects: [303] },
	// MapLayer's lifecycle test page: a 404 unless the portal runs with ATLAS_DEV_PAGES=1.
	{ name: 'page /dev/map-layer', kind: 'page', handler: devMapLayerPage, path: {}, query: [], database: false, route: () => '/dev/map-layer' }
];

/** Every route module of the portal, so a test can check that ENDPOINTS leaves none out. */
export const ROUTE_MODULES = import.meta.glob<{ GET?: unknown; load?: unknown }>('../../../src/routes/**/+{server,page.server,layout.server}.ts', { eager: true });

/** Calls one endpoint with the given path segments and query, as the anonymous public. */
export async function answer(endpoint: Endpoint, given: Record<string, string>, query: URLSearchParams, headers: Record<string, string> = {}): Promise<Answer> {
	const search = query.toString();
	// A decoded URL never holds a lone surrogate: the router would hand over U+FFFD.
	const path = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.toWellFormed()]));
	// The router hands a handler its path segments decoded; the URL keeps them encoded.
	const address = endpoint.route(Object.fromEntries(Object.entries(path).map(([k, v]) => [k, encodeURIComponent(v).replaceAll('%2F', '/')])));
	const url = new URL(`${address}${search ? `?${search}` : ''}`, 'http://atlas.test');
	const request = new Request(url, { headers });
	const event = {
		url, params: path, request, locals: { viewer: anonymousViewer, account: null, locale: 'en' }, route: { id: endpoint.name },
		setHeaders: () => {}, depends: () => {}, parent: async () => ({}), untrack: <T>(fn: () => T) => fn()
	};
	const saved = Object.fromEntries(Object.keys(endpoint.env ?? {}).map((name) => [name, process.env[name]]));
	Object.assign(process.env, endpoint.env);
	try {
		const result = await endpoint.handler(event as never);
		if (result instanceof Response) return { status: result.status, body: await result.text(), contentType: result.headers.get('content-type') ?? '' };
		return { status: 200, body: JSON.stringify(result), contentType: 'application/json' };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, body: JSON.stringify(thrown.body), contentType: 'application/json' };
		if (isRedirect(thrown)) return { status: thrown.status, body: thrown.location, contentType: '' };
		return { status: 500, body: thrown instanceof Error ? `${thrown.message}\n${thrown.stack}` : String(thrown), contentType: '' };
	} finally {
		for (const [name, value] of Object.entries(saved)) {
			if (value === undefined) delete process.env[name];
			else process.env[name] = value;
		}
	}
}

// What must never reach a reader. Stack frames, file positions and PostgreSQL's own error
// texts are looked for in every answer; plain words that evidence texts can hold ("column",
// "relation") only in error answers.
const TRACES = [
	/\n\s+at \S/, /\(\S+:\d+:\d+\)/, /node:internal/, /\bat (async |Object\.|new )/, /PostgresError/, /SQLSTATE/i, /^ERROR:/m,
	/syntax error at or near/i, /invalid input syntax/i, /out of range for type/i, /invalid byte sequence/i,
	/null character not permitted/i, /field value out of range/i, /does not exist/i, /\.(ts|js|mjs|sql):\d+/
];
const DATABASE_WORDS = [/postgres/i, /syntax error/i, /\brelation\b/i, /\bcolumn\b/i, /\bpglite\b/i];

/** The first leak pattern found in an answer body, or null. */
export function leakIn(body: string, status = 400): RegExp | null {
	const patterns = status >= 400 ? [...TRACES, ...DATABASE_WORDS] : TRACES;
	return patterns.find((pattern) => pattern.test(body)) ?? null;
}

/** Row counts of every table in schema atlas and the data version: equal before and after means unchanged. */
export async function databaseChecksum(sql: import('postgres').Sql): Promise<string> {
	const tables = await sql<{ name: string }[]>`SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables WHERE schemaname = 'atlas' ORDER BY 1`;
	const counts = await sql.unsafe(tables.map((t) => `SELECT '${t.name}' AS name, count(*)::text AS n FROM ${t.name}`).join(' UNION ALL ') + ' ORDER BY 1');
	const [{ version }] = await sql`SELECT version::text AS version FROM atlas.data_version`;
	return JSON.stringify({ version, counts: counts.map((r) => `${r.name}=${r.n}`) });
}

export { anonymousViewer };
