// The requests a load run sends: what readers of the explorer, charts and record pages ask
// for, weighted by how often, each kind with the statuses it may answer. Paths are drawn
// afresh for every request (tiles around real recovery sites, filters, years, viewports),
// so the tile and answer caches keep meeting new keys, as they do with real readers, and
// a soak shows whether they stay bounded.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/** @typedef {import('./types').Draws} Draws @typedef {import('./types').Places} Places @typedef {import('./types').MixKind} MixKind */

/** The countries the data is densest in; tiles and profiles centre on them. */
export const FOCUS_COUNTRIES = ['IRQ', 'SYR', 'LBY', 'MLI', 'YEM'];

// Rough centres, used when the database has too few public sites to centre tiles on.
const FALLBACK_CENTRES = [[44.4, 33.3], [38.3, 35.0], [17.2, 27.0], [-2.0, 17.0], [47.5, 15.5]];

// Filters readers set in the explorer (the API benchmark's list, all valid): most views are
// unfiltered, the rest narrow by category, country, year range or response.
const FILTERS = [
	'category=weapon', 'category=ammunition', 'country=IRQ', 'country=SYR,IRQ', 'country=LBY', 'country=MLI,NER,BFA',
	'country=YEM&category=dual_use', 'category=ammunition&country=IRQ', 'made_in=BGR', 'made_in=CHN&response=permissive',
	'marking=obliterated', 'type=assault%20rifle', 'response=none', 'response=dissuasive'
];
const FIRST_YEAR = 2012;
const LAST_YEAR = 2021;

/**
 * A seeded generator of draws: each connection gets its own seed, so runs repeat. Seeds are
 * scrambled first (murmur3's finaliser): xoroshiro128+ seeded with consecutive integers
 * gives nearly the same first draws, and 200 connections opened on the same URL.
 * @param {number} seed
 * @returns {Draws}
 */
export function draws(seed) {
	let h = seed | 0;
	h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
	h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
	const rng = xoroshiro128plus((h ^ (h >>> 16)) | 0);
	return {
		next: () => uniformFloat64(rng),
		int: (/** @type {number} */ from, /** @type {number} */ to) => uniformInt(rng, from, to),
		pick(values) {
			return values[uniformInt(rng, 0, values.length - 1)];
		}
	};
}

/**
 * The slippy-map tile holding a point at zoom z.
 * @param {number} lon @param {number} lat @param {number} z
 */
export function tileOf(lon, lat, z) {
	const n = 2 ** z;
	const clamp = (/** @type {number} */ v) => Math.min(n - 1, Math.max(0, v));
	const rad = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
	const x = Math.floor(((lon + 180) / 360) * n);
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return { z, x: clamp(x), y: clamp(y) };
}

/**
 * Half the filtered views have no filter; the rest a listed filter, a year range, or both.
 * @param {Draws} d
 */
function filterOf(d) {
	const roll = d.next();
	if (roll < 0.5) return '';
	const from = d.int(FIRST_YEAR, LAST_YEAR);
	const years = `from=${from}&to=${d.int(from, LAST_YEAR)}`;
	if (roll < 0.7) return d.pick(FILTERS);
	if (roll < 0.85) return years;
	return `${d.pick(FILTERS)}&${years}`;
}

const withQuery = (/** @type {string} */ path, /** @type {string} */ query) => (query ? `${path}?${query}` : path);

// How often readers' views sit at each zoom: the explorer opens on a regional view (z2-4),
// readers zoom into a country (z5-7) and then into towns (z8-10).
/** @type {[number, number][]} */
const ZOOMS = [[0, 2], [1, 3], [2, 10], [3, 10], [4, 10], [5, 12], [6, 12], [7, 11], [8, 10], [9, 8], [10, 8]];

/**
 * A place to look at: most readers look at the focus countries, some elsewhere.
 * @param {Draws} d @param {Places} places
 */
function centreOf(d, places) {
	return d.pick(d.next() < 0.7 && places.focus.length ? places.focus : places.centres);
}

/**
 * A viewport's tile: z0-10 around a site, often a neighbour of its tile (a map view holds
 * several). Filtered layers carry the view's filter; the basemap never does.
 * @param {Draws} d @param {Places} places @param {'sites' | 'routes' | 'countries'} layer
 */
function tilePath(d, places, layer) {
	const [lon, lat] = centreOf(d, places);
	const { z, x, y } = tileOf(lon, lat, weighted(d, ZOOMS));
	const n = 2 ** z;
	const nx = Math.min(n - 1, Math.max(0, x + d.int(-1, 1)));
	const ny = Math.min(n - 1, Math.max(0, y + d.int(-1, 1)));
	return withQuery(`/tiles/${layer}/${z}/${nx}/${ny}.mvt`, layer === 'countries' ? '' : filterOf(d));
}

/**
 * A map view's bounding box around a site, at a country-to-region scale.
 * @param {Draws} d @param {Places} places
 */
function bboxPath(d, places) {
	const [lon, lat] = centreOf(d, places);
	const half = d.pick([1, 2.5, 5, 10]);
	const box = [lon - half, lat - half * 0.6, lon + half, lat + half * 0.6].map((v) => v.toFixed(2)).join(',');
	const query = [`bbox=${box}`, `limit=${d.pick([500, 1000, 5000])}`, filterOf(d)].filter(Boolean).join('&');
	return `/api/sites.geojson?${query}`;
}

/**
 * The mix: kind name, share of requests (per 1,000), the statuses it may answer, and how
 * to draw its path. A few kinds are bad input a real portal gets (a stale link, a typo, a
 * crawler past the zoom range): they must answer their 4xx under load too, never a 5xx.
 * @param {Places} places
 * @returns {MixKind[]}
 */
export function trafficMix(places) {
	return [
		{ kind: 'tile sites', share: 300, expect: [200, 204], path: (d) => tilePath(d, places, 'sites') },
		{ kind: 'tile routes', share: 150, expect: [200, 204], path: (d) => tilePath(d, places, 'routes') },
		{ kind: 'tile countries', share: 150, expect: [200, 204], path: (d) => tilePath(d, places, 'countries') },
		{ kind: 'api stats', share: 60, expect: [200], path: (d) => withQuery('/api/stats', filterOf(d)) },
		{ kind: 'api summary', share: 60, expect: [200], path: (d) => withQuery('/api/summary', filterOf(d)) },
		{ kind: 'api facets', share: 60, expect: [200], path: (d) => withQuery('/api/facets', filterOf(d)) },
		{ kind: 'api sites.geojson bbox', share: 70, expect: [200], path: (d) => bboxPath(d, places) },
		{ kind: 'page /', share: 30, expect: [200], path: (d) => withQuery('/', filterOf(d)) },
		{ kind: 'page /about', share: 15, expect: [200], path: () => '/about' },
		{ kind: 'page /items/N', share: 50, expect: [200], path: (d) => `/items/${d.pick(places.items)}` },
		{ kind: 'page /countries/ISO3', share: 35, expect: [200], path: (d) => `/countries/${d.pick(FOCUS_COUNTRIES)}` },
		// Zooms up to 22 are valid (over-zoom); past that, or x/y outside the zoom's grid, is not.
		{ kind: 'bad tile address (400)', share: 5, expect: [400], path: (d) => d.pick([`/tiles/sites/${d.int(23, 40)}/0/0.mvt`, `/tiles/routes/3/${d.int(8, 99)}/1.mvt`, '/tiles/countries/2/1/-1.mvt']) },
		{ kind: 'bad filter value (400)', share: 5, expect: [400], path: (d) => `/api/stats?${d.pick(['from=abc', 'category=nope', 'to=2019-13-45'])}` },
		{ kind: 'unknown item (404)', share: 5, expect: [404], path: (d) => `/items/${places.missingItem + d.int(0, 1000)}` },
		{ kind: 'unknown tile layer (404)', share: 5, expect: [404], path: () => '/tiles/nolayer/3/4/3.mvt' }
	];
}

/**
 * Draws a value from [value, weight] pairs.
 * @template T
 * @param {Draws} d @param {(readonly [T, number])[]} entries
 * @returns {T}
 */
function weighted(d, entries) {
	const total = entries.reduce((sum, [, w]) => sum + w, 0);
	let draw = d.next() * total;
	for (const [value, weight] of entries) {
		draw -= weight;
		if (draw < 0) return value;
	}
	return entries[entries.length - 1][0];
}

/**
 * Draws one kind of the mix by its share.
 * @param {Draws} d @param {MixKind[]} mix
 */
export function pickKind(d, mix) {
	return weighted(d, mix.map((kind) => /** @type {const} */ ([kind, kind.share])));
}

/** @param {string} url */
async function getJson(url) {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status} while preparing the traffic mix`);
	return response.json();
}

/**
 * Real places and records to aim at, read from the portal itself before the run: public
 * recovery sites (in the focus countries first), item ids documented at them, and an item
 * id past the last one for the expected 404s.
 * @param {string} baseUrl
 * @returns {Promise<Places>}
 */
export async function discoverPlaces(baseUrl) {
	/** @type {number[][]} */
	const focus = [];
	/** @type {number[]} */
	const siteIds = [];
	for (const iso3 of FOCUS_COUNTRIES) {
		const { features } = await getJson(`${baseUrl}/api/sites.geojson?country=${iso3}&limit=200`);
		for (const f of features) {
			focus.push(f.geometry.coordinates);
			siteIds.push(f.id);
		}
	}
	if (focus.length < FALLBACK_CENTRES.length) focus.push(...FALLBACK_CENTRES);
	const { features: elsewhere } = await getJson(`${baseUrl}/api/sites.geojson?limit=300`);
	const centres = [...focus, ...elsewhere.map((/** @type {{ geometry: { coordinates: number[] } }} */ f) => f.geometry.coordinates)];

	/** @type {number[]} */
	const items = [];
	for (const id of siteIds.slice(0, 40)) {
		const { events } = await getJson(`${baseUrl}/api/sites/${id}`);
		for (const event of events) for (const item of event.items) items.push(item.id);
	}
	if (items.length === 0) throw new Error('the portal lists no public item at the focus countries\' sites: nothing to load /items/N with');
	const missingItem = Math.max(...items) + 1_000_000;
	return { focus, centres, items: [...new Set(items)].slice(0, 2000), missingItem };
}
