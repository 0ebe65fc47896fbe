// A committed change shows in the very next answers of every endpoint: an administrator
// unpublishes an item, a site and a party in plain SQL, and tiles, GeoJSON, stats, search,
// party suggestions and record pages drop them; republished, they come back. The app may
// learn the new data version a few milliseconds after the commit (LISTEN/NOTIFY), so each
// answer is polled every 20 ms for at most 2 s, and the time it took is recorded.
// The rows are chosen so no other test counts them (no trace request, case, consignment or
// red flag), and they are republished whatever happens.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { GET as itemRecord } from '../../../src/routes/api/items/[id]/+server.ts';
import { GET as siteRecord } from '../../../src/routes/api/sites/[id]/+server.ts';
import { GET as search } from '../../../src/routes/api/search/+server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { GET as facets } from '../../../src/routes/api/facets/+server.ts';
import { GET as parties } from '../../../src/routes/api/parties/+server.ts';
import { GET as sitesGeojson } from '../../../src/routes/api/sites.geojson/+server.ts';
import { load as itemPage } from '../../../src/routes/items/[id]/+page.server.ts';
import { load as countryPage } from '../../../src/routes/countries/[iso3]/+page.server.ts';
import { load as aboutPage } from '../../../src/routes/about/+page.server.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { decodeTile } from '../map/tile-decoding.ts';

const DEADLINE_MS = 2000;
const NO_SUCH_ID = 2_000_000_000;

/** Polls `probe` every 20 ms until it answers `expected` or the deadline passes: the ms and requests it took. */
async function within<T>(probe: () => Promise<T>, expected: T): Promise<string> {
	const start = performance.now();
	let value = await probe();
	let requests = 1;
	while (!isDeepStrictEqual(value, expected) && performance.now() - start < DEADLINE_MS) {
		await new Promise((resolve) => setTimeout(resolve, 20));
		value = await probe();
		requests += 1;
	}
	expect(value).toEqual(expected);
	return `${Math.round(performance.now() - start)} ms/${requests}`;
}

function tileAt(z: number, lon: number, lat: number): { x: number; y: number } {
	const rad = (lat * Math.PI) / 180;
	return {
		x: Math.floor(((lon + 180) / 360) * 2 ** z),
		y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z)
	};
}

/** Runs a page's server load as the server would: its data, or the status of the error it throws. */
async function loadPage(load: (event: never) => unknown, path: string, params: Record<string, string> = {}): Promise<{ status: number; data?: Record<string, unknown> }> {
	await dataVersion().refresh();
	const url = new URL(path, 'http://atlas.test');
	try {
		const data = (await load({ url, params, locals: { viewer: anonymousViewer, locale: 'en' } } as never)) as Record<string, unknown>;
		return { status: 200, data };
	} catch (thrown) {
		const status = (thrown as { status?: number }).status;
		if (typeof status !== 'number') throw thrown;
		return { status };
	}
}

const json = async (response: Response) => {
	expect(response.status).toBe(200);
	return response.json();
};

describeEachBackend('changes show at once', (db, backend) => {
	useAppDatabase(backend.url);
	let restore: (() => Promise<unknown>) | undefined;
	afterAll(async () => {
		await restore?.();
	});

	it('drops an unpublished item, site and party from the very next answers, and brings them back when republished', async () => {
		const untouched = `NOT EXISTS (SELECT 1 FROM atlas.trace_request_items ri WHERE ri.item_id = i.id)
			AND NOT EXISTS (SELECT 1 FROM atlas.case_items ci WHERE ci.item_id = i.id) AND i.consignment_id IS NULL AND i.synthetic`;
		// An item with a serial number at a site with other public items (its point stays).
		const [item] = await db().unsafe(`SELECT i.id, i.serial_number, f.site_id, f.country_iso3 AS iso3, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
			FROM atlas.items i JOIN atlas.item_facts f ON f.item_id = i.id JOIN atlas.sites s ON s.id = f.site_id
			WHERE f.visibility = 'public' AND length(i.serial_number) >= 6 AND ${untouched}
			  AND (SELECT count(*) FROM atlas.item_facts g WHERE g.site_id = f.site_id AND g.visibility = 'public') >= 2
			ORDER BY i.id LIMIT 1`);
		// A small public site elsewhere, none of whose items anything else links to, alone in its box.
		const [site] = await db().unsafe(`SELECT s.id, s.country_iso3 AS iso3, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat, count(*)::int AS items
			FROM atlas.sites s JOIN atlas.item_facts f ON f.site_id = s.id AND f.visibility = 'public' JOIN atlas.items i ON i.id = f.item_id
			WHERE s.visibility = 'public' AND s.id <> ${item.site_id} AND s.synthetic
			  AND NOT EXISTS (SELECT 1 FROM atlas.case_sites cs WHERE cs.site_id = s.id)
			  AND NOT EXISTS (SELECT 1 FROM atlas.routes r WHERE r.site_id = s.id)
			  AND NOT EXISTS (SELECT 1 FROM atlas.sites o WHERE o.id <> s.id AND ST_DWithin(o.geom, s.geom, 0.01))
			GROUP BY s.id HAVING bool_and(${untouched}) ORDER BY count(*), s.id LIMIT 1`);
		// The holding force with the fewest items that is in no transfer or trace request and has
		// no red flag (every force is named by some case; the fewest is no other test's subject).
		const [party] = await db()`SELECT p.id, p.name FROM atlas.parties p JOIN atlas.item_facts f ON f.holding_party_id = p.id AND f.visibility = 'public'
			WHERE p.visibility = 'public' AND NOT p.red_flag AND p.kind IN ('armed_group', 'state_force') AND p.synthetic
			  AND NOT EXISTS (SELECT 1 FROM atlas.transfers t WHERE p.id IN (t.from_party_id, t.to_party_id))
			  AND NOT EXISTS (SELECT 1 FROM atlas.trace_requests r WHERE r.recipient_id = p.id)
			  AND NOT EXISTS (SELECT 1 FROM atlas.right_of_reply r WHERE r.party_id = p.id)
			GROUP BY p.id ORDER BY count(*), p.id LIMIT 1`;
		expect([item, site, party].every(Boolean)).toBe(true);

		const itemTile = { z: 14, ...tileAt(14, item.lon, item.lat) };
		const siteTile = { z: 14, ...tileAt(14, site.lon, site.lat) };
		const getTile = ({ z, x, y }: { z: number; x: number; y: number }) =>
			call(tile, `/tiles/sites/${z}/${x}/${y}.mvt`, { params: { layer: 'sites', z: String(z), x: String(x), y: String(y) } });
		const sitesIn = async (at: typeof itemTile) => {
			const response = await getTile(at);
			return response.status === 204 ? [] : ((await decodeTile(response)).sites ?? []);
		};
		const box = `${site.lon - 0.005},${site.lat - 0.005},${site.lon + 0.005},${site.lat + 0.005}`;

		const probes = {
			itemRecord: async () => (await call(itemRecord, `/api/items/${item.id}`, { params: { id: String(item.id) } })).status,
			// Pages answer from memory until the data changes (shared-read.ts): the change must still show at once.
			itemPage: async () => (await loadPage(itemPage as never, `/items/${item.id}`, { id: String(item.id) })).status,
			countryPageSites: async () => ((await loadPage(countryPage as never, `/countries/${site.iso3}`, { iso3: site.iso3 })).data?.profile as { recovery: { sites: number } }).recovery.sites,
			aboutSites: async () => ((await loadPage(aboutPage as never, '/about')).data?.counts as { sites: number }).sites,
			itemFound: async () => (await json(await call(search, `/api/search?q=${encodeURIComponent(item.serial_number)}`)))
				.items.some((hit: { id: number }) => hit.id === item.id),
			itemSiteItems: async () => Number((await sitesIn(itemTile)).find((f) => f.id === item.site_id)?.properties.items ?? 0),
			siteRecord: async () => (await call(siteRecord, `/api/sites/${site.id}`, { params: { id: String(site.id) } })).status,
			siteInTile: async () => (await sitesIn(siteTile)).some((f) => f.id === site.id),
			siteInGeojson: async () => (await json(await call(sitesGeojson, `/api/sites.geojson?bbox=${box}`)))
				.features.some((f: { id: number }) => f.id === site.id),
			siteBboxStats: async () => (await json(await call(stats, `/api/stats?bbox=${box}`))).items,
			countrySites: async () => (await json(await call(summary, `/api/summary?country=${site.iso3}`))).sites,
			countryFacets: async () => (await json(await call(facets, `/api/facets?country=${site.iso3}`))).category
				.reduce((sum: number, v: { count: number }) => sum + v.count, 0),
			partyStats: async () => (await json(await call(stats, `/api/stats?group=${party.id}`))).items,
			partySummary: async () => (await json(await call(summary, `/api/summary?group=${party.id}`))).items,
			partySuggested: async () => (await json(await call(parties, `/api/parties?role=group&q=${encodeURIComponent(party.name)}`)))
				.parties.some((p: { id: number }) => p.id === party.id)
		};
		type Seen = { [K in keyof typeof probes]: Awaited<ReturnType<(typeof probes)[K]>> };
		const observe = async () => Object.fromEntries(
			await Promise.all(Object.entries(probes).map(async ([name, probe]) => [name, await probe()]))) as Seen;

		const before = await observe();
		const unknownParty = (await json(await call(stats, `/api/stats?group=${NO_SUCH_ID}`))).items;
		expect(before).toMatchObject({ itemRecord: 200, itemPage: 200, itemFound: true, siteRecord: 200, siteInTile: true, siteInGeojson: true,
			siteBboxStats: site.items, partySuggested: true });
		expect(before.partyStats).toBeGreaterThan(0);
		const etag = (await getTile(siteTile)).headers.get('etag');

		const setVisibility = (visibility: 'draft' | 'public') => db().begin(async (tx) => {
			await tx`UPDATE atlas.items SET visibility = ${visibility} WHERE id = ${item.id}`;
			await tx`UPDATE atlas.sites SET visibility = ${visibility} WHERE id = ${site.id}`;
			await tx`UPDATE atlas.parties SET visibility = ${visibility} WHERE id = ${party.id}`;
		});
		restore = () => setVisibility('public');

		await setVisibility('draft');
		const hidden: Seen = {
			itemRecord: 404, itemPage: 404, itemFound: false, itemSiteItems: before.itemSiteItems - 1,
			countryPageSites: before.countryPageSites - 1, aboutSites: before.aboutSites - 1,
			siteRecord: 404, siteInTile: false, siteInGeojson: false, siteBboxStats: 0,
			countrySites: before.countrySites - 1,
			countryFacets: before.countryFacets - site.items - (item.iso3 === site.iso3 ? 1 : 0),
			partyStats: unknownParty, partySummary: 0, partySuggested: false
		};
		const took: Record<string, string> = {};
		for (const [name, probe] of Object.entries(probes)) {
			took[name] = await within(probe as () => Promise<unknown>, hidden[name as keyof Seen]);
		}
		expect((await getTile(siteTile)).headers.get('etag')).not.toBe(etag);

		await setVisibility('public');
		restore = undefined;
		for (const [name, probe] of Object.entries(probes)) {
			took[`${name} again`] = await within(probe as () => Promise<unknown>, before[name as keyof Seen]);
		}
		console.log(`[${backend.name}] change visible after (ms/requests): ${JSON.stringify(took)}`);
	});
});
