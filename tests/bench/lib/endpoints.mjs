// The aggregates and the bbox GeoJSON over the 20 committed filters (filters.json), cold:
// each pass after the data version moved, so every answer is computed afresh; then one
// warm pass (the answer cache).
import { bumpDataVersion } from './database.mjs';
import { ENDPOINTS } from './inputs.mjs';
import { progress, summarise, timedGetOk } from './measure.mjs';

/** `passes` cold passes (the data version bumped before each) and one warm pass. */
export async function benchEndpoints({ url, sql, requests, passes, say }) {
	const cold = Object.fromEntries(ENDPOINTS.map((e) => [e, []]));
	const warm = Object.fromEntries(ENDPOINTS.map((e) => [e, []]));
	const versionWaits = [];
	for (let pass = 1; pass <= passes; pass++) {
		versionWaits.push(await bumpDataVersion(sql, url));
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
