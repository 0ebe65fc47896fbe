// A link pinned to a release (`release=N`) answers as of that release after later changes
// (kept answers: src/lib/server/releases/pinned-request.ts, db/migrations/024), through the
// real `handle` hook in front of the real endpoints. The change here is committed (the app
// reads through its own pool) and undone at the end: one public item is withdrawn and
// published, then published again.
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { handle } from '../../../src/hooks.server.ts';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { servePinnable } from '../../../src/lib/server/releases/pinned-request.ts';
import { anonymousViewer, type Viewer } from '../../../src/lib/server/viewer.ts';
import { load as layoutLoad } from '../../../src/routes/+layout.server.ts';
import { GET as exportCsv } from '../../../src/routes/api/export.csv/+server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { decodeTile } from '../map/tile-decoding.ts';

type Handler = (event: never) => Response | Promise<Response>;

function eventFor(path: string, headers: Record<string, string>, params: Record<string, string>, viewer: Viewer) {
	const url = new URL(path, 'http://atlas.test');
	return { url, params, request: new Request(url, { headers }), locals: { viewer, account: null, locale: 'en' }, route: { id: null }, isDataRequest: false, setHeaders: () => {}, cookies: { get: () => undefined } };
}

/** A request through `handle` as the server runs it (the public reader), the route as its resolve. */
async function served(handler: Handler, path: string, { headers = {}, params = {} }: { headers?: Record<string, string>; params?: Record<string, string> } = {}) {
	await dataVersion().refresh();
	const event = eventFor(path, headers, params, anonymousViewer);
	return handle({ event: event as never, resolve: (() => handler(event as never)) as never });
}

const text = async (response: Response) => {
	const bytes = new Uint8Array(await response.arrayBuffer());
	return (response.headers.get('content-encoding') === 'gzip' ? gunzipSync(bytes) : Buffer.from(bytes)).toString('utf8');
};
const csvRows = (body: string) => parse(body, { columns: true, bom: true }) as Record<string, string>[];

function tileOf(lon: number, lat: number, z: number) {
	const x = Math.floor(((lon + 180) / 360) * 2 ** z);
	const rad = (lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
	return { z: String(z), x: String(x), y: String(y) };
}

describeEachBackend('a pinned release', (db, backend) => {
	useAppDatabase(backend.url);

	// The view: a small country; the change: one of its public items (in no trace request or
	// case, so no other figure moves) withdrawn.
	let country: string;
	let item: number;
	let site: { lon: number; lat: number; id: number };
	let pinned: number;
	let later: number;
	const before: Record<string, string> = {};
	const publish = async (summaryText: string) => (await db()`SELECT atlas.publish_release(${summaryText}) AS number`)[0].number as number;
	const view = () => `country=${country}`;
	const tileParams = () => ({ layer: 'sites', ...tileOf(site.lon, site.lat, 12) });
	const tilePath = (query: string) => `/tiles/sites/${tileParams().z}/${tileParams().x}/${tileParams().y}.mvt?${query}`;
	const reads = () =>
		({
			summary: [summary, `/api/summary?${view()}`, {}],
			stats: [stats, `/api/stats?${view()}`, {}],
			tile: [tile, tilePath(view()), tileParams()],
			export: [exportCsv, `/api/export.csv?${view()}`, {}]
		}) as Record<string, [Handler, string, Record<string, string>]>;
	const read = (name: string, pin: number | null) => {
		const [handler, path, params] = reads()[name];
		return served(handler, pin === null ? path : `${path}&release=${pin}`, { params, headers: { 'accept-encoding': 'gzip' } });
	};

	beforeAll(async () => {
		const [chosen] = await db()`WITH sizes AS (
				SELECT country_iso3, count(*) AS items, bool_or(visibility <> 'public') AS has_hidden FROM atlas.item_facts GROUP BY country_iso3)
			SELECT f.item_id, f.country_iso3, f.site_id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
			FROM atlas.item_facts f JOIN sizes USING (country_iso3) JOIN atlas.sites s ON s.id = f.site_id
			WHERE f.visibility = 'public' AND f.case_ids = '{}' AND sizes.has_hidden
			  AND NOT EXISTS (SELECT 1 FROM atlas.trace_request_items t WHERE t.item_id = f.item_id)
			ORDER BY sizes.items, f.item_id LIMIT 1`;
		[country, item, site] = [chosen.country_iso3, chosen.item_id, { lon: chosen.lon, lat: chosen.lat, id: chosen.site_id }];
		// A release made now answers live: its public data is the current one.
		pinned = await publish('test: the release a link pins');
		for (const name of Object.keys(reads())) {
			const response = await read(name, pinned);
			expect(response.status, name).toBe(200);
			expect(response.headers.get('data-release'), name).toBe(String(pinned));
			expect(response.headers.get('cache-control'), name).toContain('immutable');
			before[name] = name === 'tile' ? JSON.stringify(await decodeTile(response)) : await text(response);
		}
		await db()`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${item}`;
		later = await publish('test: withdraws one item');
	});

	afterAll(async () => {
		await db()`UPDATE atlas.items SET visibility = 'public' WHERE id = ${item}`;
		await publish('test: publishes the item again');
	});

	it('answers unchanged figures, tile and download after a later change and publish, while the unpinned view changes', async () => {
		for (const name of ['summary', 'stats', 'export']) {
			const pinnedNow = await read(name, pinned);
			expect(pinnedNow.headers.get('data-release'), name).toBe(String(pinned));
			expect(await text(pinnedNow), name).toBe(before[name]);
			const unpinned = await read(name, null);
			expect(unpinned.headers.get('data-release'), name).toBe(String(later));
			expect(await text(unpinned), name).not.toBe(before[name]);
		}
		const then = JSON.parse(before.summary);
		const now = await (await read('summary', null)).json();
		expect(now.items).toBe(then.items - 1);
		expect(csvRows(before.export).map((row) => Number(row.item_id))).toContain(item);
		expect(csvRows(await text(await read('export', null))).map((row) => Number(row.item_id))).not.toContain(item);

		const tileThen = JSON.parse(before.tile).sites.find((f: { id: number }) => f.id === site.id);
		const tileKept = (await decodeTile(await read('tile', pinned))).sites.find((f) => f.id === site.id);
		const tileNow = (await decodeTile(await read('tile', null))).sites.find((f) => f.id === site.id);
		expect(tileKept).toEqual(tileThen);
		expect(tileNow?.properties.items ?? 0).toBe(Number(tileThen.properties.items) - 1);
	});

	it('answers a pinned read holding its ETag with 304, and the page says its figures are the cited release\'s', async () => {
		const first = await read('summary', pinned);
		const again = await served(summary, `/api/summary?${view()}&release=${pinned}`, { headers: { 'if-none-match': first.headers.get('etag')! } });
		expect(again.status).toBe(304);
		const layout = (await layoutLoad({ url: new URL(`http://atlas.test/?${view()}&release=${pinned}`), request: new Request('http://atlas.test/'), locals: { viewer: anonymousViewer } } as never)) as { pin: unknown };
		expect(layout.pin).toMatchObject({ cited: pinned, current: later, kept: true });
	});

	it('answers a view never kept for the release with the current figures, naming the release that answered', async () => {
		const never = `/api/stats?${view()}&category=weapon`;
		const response = await served(stats, `${never}&release=${pinned}`);
		expect(response.status).toBe(200);
		expect(response.headers.get('data-release')).toBe(String(later));
		expect(response.headers.get('cache-control')).not.toContain('immutable');
		expect(await response.text()).toBe(await (await served(stats, never)).text());
		const layout = (await layoutLoad({ url: new URL(`http://atlas.test/?${view()}&category=weapon&release=${pinned}`), request: new Request('http://atlas.test/'), locals: { viewer: anonymousViewer } } as never)) as { pin: unknown };
		expect(layout.pin).toMatchObject({ cited: pinned, current: later, kept: false });
	});

	it('never keeps a partner\'s or the staff\'s answer, nor serves them kept ones', async () => {
		const staff: Viewer = { role: 'staff' };
		const partner: Viewer = { role: 'partner', country };
		for (const viewer of [staff, partner]) {
			await dataVersion().refresh();
			const event = eventFor(`/api/summary?${view()}&release=${later}`, {}, {}, viewer);
			const response = await servePinnable(event as never, async () => summary(event as never));
			expect(response.headers.get('cache-control')).toMatch(/^private/);
			const live = await summary(eventFor(`/api/summary?${view()}`, {}, {}, viewer) as never);
			expect(await response.text()).toBe(await live.text());
		}
		const [{ kept }] = await db()`SELECT count(*)::int AS kept FROM atlas.release_answers WHERE release = ${later}`;
		expect(kept).toBe(0);
		// The database refuses it too: the keeping function reads the viewer's role itself.
		const refused = await db().begin(async (tx) => {
			await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'staff', true)`;
			const [live] = await tx`SELECT public_version FROM atlas.release_answers_live(${later})`;
			const [row] = await tx`SELECT atlas.keep_release_answer(${later}, ${live.public_version}, 'test', 200::smallint, 'application/json', null, ${Buffer.from('{}')}, 2, 'etag') AS kept`;
			return row.kept;
		});
		expect(refused).toBe(false);
	});

	it('never holds a hidden row in a kept answer', async () => {
		const hidden = (await db()`SELECT item_id FROM atlas.item_facts WHERE country_iso3 = ${country} AND visibility <> 'public'`).map((row) => Number(row.item_id));
		expect(hidden.length).toBeGreaterThan(0);
		const [kept] = await db()`SELECT body FROM atlas.release_answers WHERE release = ${pinned} AND answer_key LIKE '%/api/export.csv?%'`;
		const ids = csvRows(gunzipSync(kept.body).toString('utf8')).map((row) => Number(row.item_id));
		expect(ids.length).toBeGreaterThan(0);
		// The withdrawn item was public at the pinned release; the other hidden ones never were.
		expect(ids.filter((id) => hidden.includes(id) && id !== item)).toEqual([]);
	});

	it('refuses a release that is no release number, naming the field', async () => {
		for (const bad of ['0', 'first', '-1', '99999999999']) {
			const response = await served(summary, `/api/summary?release=${bad}`);
			expect(response.status).toBe(400);
			expect((await response.json()).field).toBe('release');
		}
	});
});
