// The leak suite (issue 20): canary rows — a hidden site, event, party, consignment and case,
// and draft and restricted items with unique serials (canaries.ts) — leave no trace in any
// answer of any endpoint or page for the public or for a partner of another country: decoded
// tiles, GeoJSON, exports, stats counts, facets, search, OGC, embed, oEmbed, feeds, record
// pages, and filters and addresses naming their ids. Every question is asked before the
// canaries exist (their ids unused) and again after they are planted: the answers must be
// identical, byte for byte, apart from the clock. The partner of the country that made the
// restricted item does see it (and still none of the draft rows), and staff see them all, so
// the canaries are real and the equality is not vacuous.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { anonymousViewer, type Viewer } from '../../../src/lib/server/viewer.ts';
import { ENDPOINTS, type Endpoint } from '../api/public-endpoints.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { decodeTile } from '../map/tile-decoding.ts';
import {
	CANARY_MARK, CANARY_PARTNER, OTHER_PARTNER, chooseHost, plantCanaries, removeCanaries, reserveCanaryIds, type Canaries
} from './canaries.ts';

interface Question {
	/** What a failure names: the endpoint and its address. */
	label: string;
	endpoint: Endpoint;
	path: Record<string, string>;
	query: string;
}

interface Seen {
	status: number;
	contentType: string;
	body: string;
}

const endpoint = (name: string): Endpoint => {
	const found = ENDPOINTS.find((e) => e.name === name);
	if (!found) throw new Error(`no endpoint ${name} in the endpoint list`);
	return found;
};

// Answers carry the time they were made (OGC timeStamp, export metadata, feed `updated`)
// and the data version they were read at (health, export metadata): the version moves with
// every commit, whatever it changed, so it says that something changed, never what. These
// are the only parts of an answer that may differ between the two askings.
const CLOCK = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/g;
const DATA_VERSION = /"dataVersion":\s*"?\d+"?/g;
const steady = (text: string) => text.replace(CLOCK, 'T').replace(DATA_VERSION, '"dataVersion":V');

/** Asks one question as `viewer`, as the server would; binary answers (tiles) as hex. */
async function ask({ endpoint: e, path, query }: Question, viewer: Viewer): Promise<Seen> {
	await dataVersion().refresh();
	const address = e.route(path) + (query ? `?${query}` : '');
	const url = new URL(address, 'http://atlas.test');
	const event = {
		url, params: path, request: new Request(url), locals: { viewer, account: null, locale: 'en' }, route: { id: e.name },
		setHeaders: () => {}, depends: () => {}, parent: async () => ({}), untrack: <T>(fn: () => T) => fn()
	};
	try {
		const result = await e.handler(event as never);
		if (!(result instanceof Response)) return { status: 200, contentType: 'data', body: steady(JSON.stringify(result)) };
		const contentType = result.headers.get('content-type') ?? '';
		if (/protobuf|mvt|vector-tile/.test(contentType)) {
			const tile = result.status === 200 ? await decodeTile(result) : {};
			return { status: result.status, contentType, body: JSON.stringify(tile) };
		}
		return { status: result.status, contentType, body: steady(await result.text()) };
	} catch (thrown) {
		if (isHttpError(thrown)) return { status: thrown.status, contentType: 'error', body: JSON.stringify(thrown.body) };
		if (isRedirect(thrown)) return { status: thrown.status, contentType: 'redirect', body: thrown.location };
		throw thrown;
	}
}

function tileAt(z: number, lon: number, lat: number): { z: string; x: string; y: string } {
	const rad = (lat * Math.PI) / 180;
	const x = Math.floor(((lon + 180) / 360) * 2 ** z);
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
	return { z: String(z), x: String(x), y: String(y) };
}

/** Every question about the canaries, for every endpoint and page that reads the database. */
function questions(c: Canaries): Question[] {
	const { host } = c;
	// Narrowed to the host's country and year so the downloads stay small; the same places
	// and times every other question looks at.
	const near = `country=${host.iso3}&from=${host.year}&to=${host.year}`;
	const box = `bbox=${host.lon - 0.01},${host.lat - 0.01},${host.lon + 0.01},${host.lat + 0.01}`;
	const byIds = [`case=${c.kase}`, `consignment=${c.consignment}`, `manufacturer=${c.party}`, `group=${c.party}`, `made_in=${CANARY_PARTNER}`];
	const q: Question[] = [];
	const add = (name: string, query = '', path: Record<string, string> = {}) => {
		const e = endpoint(name);
		q.push({ label: `${name} ${e.route(path)}?${query}`, endpoint: e, path, query });
	};
	for (const name of ['summary', 'facets', 'stats', 'sites.geojson', 'routes.geojson', 'cases.geojson', 'flows', 'export.csv', 'export.geojson', 'export.json', 'feed.atom']) {
		add(name, near);
		for (const filter of byIds) add(name, `${near}&${filter}`);
	}
	for (const name of ['stats', 'sites.geojson', 'cases.geojson']) add(name, `${near}&${box}`);
	add('countries.geojson');
	for (const collectionId of ['sites', 'cases', 'routes']) {
		add('ogc/collections/[collectionId]', near, { collectionId });
		add('ogc items', `${near}&limit=5000`, { collectionId });
		add('ogc items', `case=${c.kase}`, { collectionId });
	}
	add('ogc/collections', near);
	add('ogc item', '', { collectionId: 'sites', featureId: String(c.site) });
	add('ogc item', '', { collectionId: 'cases', featureId: String(c.kase) });
	add('ogc item', '', { collectionId: 'routes', featureId: String(c.consignment) });
	for (const z of [0, 3, 6, 9, 12, 14]) {
		const at = tileAt(z, host.lon, host.lat);
		add('tiles', '', { layer: 'sites', ...at });
		add('tiles', `case=${c.kase}`, { layer: 'sites', ...at });
		add('tiles', `made_in=${CANARY_PARTNER}`, { layer: 'sites', ...at });
		add('tiles', '', { layer: 'routes', ...at });
	}
	add('sites/[id]', '', { id: String(c.site) });
	add('sites/[id]', '', { id: String(host.siteId) });
	add('sites/[id]', `case=${c.kase}`, { id: String(host.siteId) });
	for (const id of [c.siteItem, c.eventItem, c.draftItem, c.restrictedItem]) {
		add('items/[id]', '', { id: String(id) });
		add('page /items/[id]', '', { id: String(id) });
	}
	add('consignments/[id]', '', { id: String(c.consignment) });
	add('page /consignments/[id]', '', { id: String(c.consignment) });
	add('page /cases/[id]', '', { id: String(c.kase) });
	add('page /parties/[id]', '', { id: String(c.party) });
	for (const text of [CANARY_MARK, `${CANARY_MARK}-RESTRICTED`, 'Zqx Canary']) add('search', `q=${encodeURIComponent(text)}`);
	for (const role of ['manufacturer', 'group']) add('parties', `role=${role}&q=Zqx`);
	add('parties', `role=manufacturer&ids=${c.party}`);
	add('page /parties', 'flagged=1');
	add('page /countries/[iso3]', '', { iso3: host.iso3 });
	add('page /countries/[iso3]', '', { iso3: CANARY_PARTNER });
	add('page /embed', `case=${c.kase}`);
	add('page /embed', near);
	for (const view of [`/cases/${c.kase}`, `/parties/${c.party}`, `/consignments/${c.consignment}`, `/?case=${c.kase}`]) {
		add('oembed', `url=${encodeURIComponent(`http://atlas.test${view}`)}`);
	}
	for (const name of ['health', 'changes.atom', 'layout', 'page /', 'page /about', 'page /changes']) add(name);
	return q;
}

async function askAll(list: Question[], viewer: Viewer): Promise<Seen[]> {
	const seen: Seen[] = [];
	// One at a time: the answers are compared, not raced.
	for (const question of list) seen.push(await ask(question, viewer));
	return seen;
}

const partner = (country: string): Viewer => ({ role: 'partner', country });
const VIEWERS: Record<'public' | 'other partner', Viewer> = { public: anonymousViewer, 'other partner': partner(OTHER_PARTNER) };

describeEachBackend('hidden rows leave no trace', (db, backend) => {
	useAppDatabase(backend.url);
	let canaries: Canaries;
	let list: Question[];
	const before: Partial<Record<keyof typeof VIEWERS, Seen[]>> = {};
	const madeByPartner: Question = { label: 'stats', endpoint: endpoint('stats'), path: {}, query: `made_in=${CANARY_PARTNER}` };
	let partnerItemsBefore: number;

	beforeAll(async () => {
		const host = await chooseHost(db());
		const ids = await reserveCanaryIds(db());
		canaries = { host, ...ids };
		list = questions(canaries);
		for (const [name, viewer] of Object.entries(VIEWERS)) before[name as keyof typeof VIEWERS] = await askAll(list, viewer);
		partnerItemsBefore = (JSON.parse((await ask(madeByPartner, partner(CANARY_PARTNER))).body) as { items: number }).items;
		await plantCanaries(db(), host, ids);
	}, 600_000);

	afterAll(async () => {
		if (canaries) await removeCanaries(db(), canaries);
	});

	it('plants real canaries: staff find every one of them', async () => {
		const staff: Viewer = { role: 'staff' };
		const hits = await ask({ label: 'search', endpoint: endpoint('search'), path: {}, query: `q=${CANARY_MARK}` }, staff);
		expect(hits.status).toBe(200);
		for (const suffix of ['SITE', 'EVENT', 'DRAFT', 'RESTRICTED']) expect(hits.body).toContain(`${CANARY_MARK}-${suffix}`);
		const site = await ask({ label: 'site', endpoint: endpoint('sites/[id]'), path: { id: String(canaries.site) }, query: '' }, staff);
		expect(site.status).toBe(200);
		const kase = await ask({ label: 'case', endpoint: endpoint('page /cases/[id]'), path: { id: String(canaries.kase) }, query: '' }, staff);
		expect(kase.body).toContain(`Zqx Canary Case ${CANARY_MARK}`);
	});

	for (const name of Object.keys(VIEWERS) as (keyof typeof VIEWERS)[]) {
		it(`answers the ${name} exactly as before the canaries existed, on every endpoint and page`, async () => {
			const after = await askAll(list, VIEWERS[name]);
			const changed = list.flatMap((question, i) => {
				const [was, now] = [JSON.stringify(before[name]![i]), JSON.stringify(after[i])];
				if (was === now) return [];
				// Where the answers part, so a failure shows what leaked.
				let at = 0;
				while (was[at] === now[at]) at += 1;
				return [`${question.label}: …${was.slice(Math.max(0, at - 60), at + 60)}… became …${now.slice(Math.max(0, at - 60), at + 60)}…`];
			});
			expect(changed).toEqual([]);
			// A search answer repeats the words searched for, as given and normalised: those are
			// the reader's, not a leak.
			const unechoed = (question: Question, body: string) => {
				const searched = new URLSearchParams(question.query).get('q');
				return searched ? body.replaceAll(JSON.stringify(searched).slice(1, -1), '').replace(/"normalised":"[^"]*"/, '') : body;
			};
			const marked = list.flatMap((question, i) => {
				const body = unechoed(question, after[i].body);
				const at = body.toUpperCase().indexOf(CANARY_MARK);
				return at < 0 ? [] : [`${question.label}: …${body.slice(Math.max(0, at - 80), at + 40)}…`];
			});
			expect(marked).toEqual([]);
		}, 600_000);
	}

	it('shows the partner of the country of manufacture its restricted item, and none of the draft rows around it', async () => {
		const viewer = partner(CANARY_PARTNER);
		const search = await ask({ label: 'search', endpoint: endpoint('search'), path: {}, query: `q=${CANARY_MARK}` }, viewer);
		expect(search.body).toContain(`${CANARY_MARK}-RESTRICTED`);
		for (const hidden of ['SITE', 'EVENT', 'DRAFT']) expect(search.body).not.toContain(`${CANARY_MARK}-${hidden}`);
		const item = await ask({ label: 'item', endpoint: endpoint('items/[id]'), path: { id: String(canaries.restrictedItem) }, query: '' }, viewer);
		expect(item.status).toBe(200);
		// Its manufacturer and consignment are drafts: the partner sees the item, not them.
		expect(item.body).not.toContain('Zqx Canary Arms');
		expect(item.body).not.toContain(`${CANARY_MARK}-CONSIGNMENT`);
		const csv = await ask({ label: 'export', endpoint: endpoint('export.csv'), path: {}, query: `made_in=${CANARY_PARTNER}` }, viewer);
		expect(csv.body).toContain(`${CANARY_MARK}-RESTRICTED`);
		expect(csv.body).not.toContain(`${CANARY_MARK}-DRAFT`);
		const partnerStats = await ask(madeByPartner, viewer);
		expect((JSON.parse(partnerStats.body) as { items: number }).items).toBe(partnerItemsBefore + 1);
		for (const [name, id] of [['page /cases/[id]', canaries.kase], ['page /parties/[id]', canaries.party], ['consignments/[id]', canaries.consignment], ['sites/[id]', canaries.site]] as const) {
			const hidden = await ask({ label: name, endpoint: endpoint(name), path: { id: String(id) }, query: '' }, viewer);
			expect(hidden.status, name).toBe(404);
		}
	});
});
