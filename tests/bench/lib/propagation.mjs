// Change propagation: as an administrator would in plain SQL, unpublish 1 item (then 1,000
// items) in one committed transaction, time that transaction (the database's work), then
// ask every kind of answer (tiles, stats, summary, facets, bbox GeoJSON, search, the record
// page) until each one reflects it; then republish them and time the way back the same way.
// An answer "reflects" the change once its probed figure differs from the one read before
// the change (and, after republishing, equals it again). Nothing else writes meanwhile.
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { sleep } from './measure.mjs';

async function json(url) {
	const response = await fetch(url, { headers: { 'accept-language': 'en' } });
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	return response.json();
}

async function tileItems(url) {
	const response = await fetch(url);
	if (response.status === 204) return 0;
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const layer = new VectorTile(new Pbf(new Uint8Array(await response.arrayBuffer()))).layers.sites;
	let items = 0;
	for (let i = 0; i < (layer?.length ?? 0); i++) items += Number(layer.feature(i).properties.items ?? 0);
	return items;
}

/** Public items to change: `count` of one category, the first with a serial number. */
async function pickItems(sql, count) {
	const [first] = await sql`
		SELECT f.item_id AS id, f.category::text AS category, f.site_id, i.serial_number, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
		FROM atlas.item_facts f JOIN atlas.items i ON i.id = f.item_id JOIN atlas.sites s ON s.id = f.site_id
		WHERE f.visibility = 'public' AND i.visibility = 'public' AND i.serial_number IS NOT NULL AND length(i.serial_number) >= 4
		ORDER BY f.item_id LIMIT 1`;
	if (!first) throw new Error('no public item with a serial number to change');
	const rest = await sql`
		SELECT f.item_id AS id FROM atlas.item_facts f JOIN atlas.items i ON i.id = f.item_id
		WHERE f.visibility = 'public' AND i.visibility = 'public' AND f.category::text = ${first.category} AND f.item_id <> ${first.id}
		ORDER BY f.item_id LIMIT ${count - 1}`;
	return { first, ids: [first.id, ...rest.map((r) => r.id)] };
}

/** What each kind of answer shows about the changed items, as one comparable value. */
function probes(url, { first }) {
	const box = [first.lon - 0.5, first.lat - 0.5, first.lon + 0.5, first.lat + 0.5].map((v) => v.toFixed(4)).join(',');
	const z = 10;
	const n = 2 ** z;
	const x = Math.floor(((first.lon + 180) / 360) * n);
	const rad = (first.lat * Math.PI) / 180;
	const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
	return {
		'tile z0': () => tileItems(`${url}/tiles/sites/0/0/0.mvt`),
		'tile z10 of the site': () => tileItems(`${url}/tiles/sites/${z}/${x}/${y}.mvt`),
		stats: async () => (await json(`${url}/api/stats`)).items,
		summary: async () => (await json(`${url}/api/summary`)).items,
		facets: async () => (await json(`${url}/api/facets`)).category.find((v) => v.value === first.category)?.count ?? 0,
		'sites.geojson bbox': async () => (await json(`${url}/api/sites.geojson?bbox=${box}&limit=5000`)).features.reduce((sum, f) => sum + (f.properties.items ?? 0), 0),
		search: async () => (await json(`${url}/api/search?q=${encodeURIComponent(first.serial_number)}`)).items.some((hit) => hit.id === first.id),
		'record page': async () => (await fetch(`${url}/items/${first.id}`)).status
	};
}

async function readAll(probeSet) {
	const entries = await Promise.all(Object.entries(probeSet).map(async ([name, probe]) => [name, await probe()]));
	return Object.fromEntries(entries);
}

/**
 * Polls each probe on its own (a slow answer does not hold back a quick one) until it meets
 * `reflects(name, value)`: ms after `since` at which the first answer showing it arrived,
 * per probe, or null past the cap.
 * @param {Record<string, () => Promise<unknown>>} probeSet
 * @param {(name: string, value: unknown) => boolean} reflects @param {number} since @param {number} capMs
 */
async function untilReflected(probeSet, reflects, since, capMs) {
	/** @type {Record<string, number | null>} */
	const seenAt = {};
	await Promise.all(
		Object.entries(probeSet).map(async ([name, probe]) => {
			seenAt[name] = null;
			while (performance.now() - since < capMs) {
				const value = await probe();
				if (reflects(name, value)) {
					seenAt[name] = Math.round(performance.now() - since);
					return;
				}
				await sleep(10);
			}
		})
	);
	const times = Object.values(seenAt);
	return { everywhereMs: times.every((v) => v !== null) ? Math.max(.../** @type {number[]} */ (times)) : null, perAnswer: seenAt };
}

async function commitVisibility(sql, ids, visibility) {
	const started = performance.now();
	await sql.begin((tx) => tx`UPDATE atlas.items SET visibility = ${visibility}::atlas.visibility WHERE id = ANY(${ids}::int[])`);
	return performance.now() - started;
}

/** For each size: unpublish, time until visible everywhere; republish, the same. */
export async function benchPropagation({ url, sql, sizes, capMs, say }) {
	const results = {};
	for (const size of sizes) {
		const chosen = await pickItems(sql, size);
		const probeSet = probes(url, chosen);
		const before = await readAll(probeSet);
		const result = { items: chosen.ids.length, before };
		try {
			result.unpublishCommitMs = Math.round((await commitVisibility(sql, chosen.ids, 'draft')) * 10) / 10;
			result.unpublished = await untilReflected(probeSet, (name, value) => value !== before[name], performance.now(), capMs);
		} finally {
			result.republishCommitMs = Math.round((await commitVisibility(sql, chosen.ids, 'public')) * 10) / 10;
		}
		result.republished = await untilReflected(probeSet, (name, value) => value === before[name], performance.now(), capMs);
		const show = (r) => (r.everywhereMs === null ? `not visible everywhere within ${capMs / 1000} s (missing: ${Object.entries(r.perAnswer).filter(([, v]) => v === null).map(([k]) => k).join(', ')})` : `everywhere after ${r.everywhereMs} ms`);
		say(`  ${size} item${size === 1 ? '' : 's'}: commit ${result.unpublishCommitMs} ms, unpublished ${show(result.unpublished)}; republished ${show(result.republished)}`);
		results[String(size)] = result;
	}
	return results;
}
