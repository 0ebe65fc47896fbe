// The aggregates and the bbox GeoJSON over the 20 committed filters (filters.json), cold:
// each pass after the data version moved, so every answer is computed afresh; then one
// warm pass (the answer cache).
import { readFileSync } from 'node:fs';
import { progress } from '../portal.mjs';
import { bumpDataVersion, waitForPortalVersion } from './database.mjs';
import { summarise, timedGetOk } from './measure.mjs';

export const ENDPOINTS = ['stats', 'summary', 'facets', 'sites.geojson bbox'];

export function benchFilters() {
	return JSON.parse(readFileSync(new URL('../filters.json', import.meta.url), 'utf8'));
}

/** [{ kind, path }] for every endpoint x filter (`limit` filters only). */
export function endpointRequests(limit = Infinity) {
	const { filters, bboxes } = benchFilters();
	const requests = [];
	filters.slice(0, limit).forEach((filter, i) => {
		const and = filter ? `&${filter}` : '';
		requests.push({ kind: 'stats', path: `/api/stats${filter ? `?${filter}` : ''}` });
		requests.push({ kind: 'summary', path: `/api/summary${filter ? `?${filter}` : ''}` });
		requests.push({ kind: 'facets', path: `/api/facets${filter ? `?${filter}` : ''}` });
		requests.push({ kind: 'sites.geojson bbox', path: `/api/sites.geojson?bbox=${bboxes[i % bboxes.length]}&limit=1000${and}` });
	});
	return requests;
}

/** `passes` cold passes (the data version bumped before each) and one warm pass. */
export async function benchEndpoints({ url, sql, requests, passes, say }) {
	const cold = Object.fromEntries(ENDPOINTS.map((e) => [e, []]));
	const warm = Object.fromEntries(ENDPOINTS.map((e) => [e, []]));
	const versionWaits = [];
	for (let pass = 1; pass <= passes; pass++) {
		versionWaits.push(await waitForPortalVersion(url, await bumpDataVersion(sql)));
		for (const [i, r] of requests.entries()) {
			cold[r.kind].push((await timedGetOk(url + r.path, [200])).ms);
			progress(`  cold pass ${pass}/${passes}`, i + 1, requests.length);
		}
	}
	for (const [i, r] of requests.entries()) {
		warm[r.kind].push((await timedGetOk(url + r.path, [200])).ms);
		progress('  warm pass', i + 1, requests.length);
	}
	const result = { passes, versionSeenAfterSeconds: versionWaits, cold: {}, warm: {} };
	for (const e of ENDPOINTS) {
		result.cold[e] = summarise(cold[e]);
		result.warm[e] = summarise(warm[e]);
		say(`  ${e}: cold p50 ${result.cold[e].p50} ms, p95 ${result.cold[e].p95} ms; warm p50 ${result.warm[e].p50} ms`);
	}
	return result;
}
