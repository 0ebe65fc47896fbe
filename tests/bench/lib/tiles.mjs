// Sites tiles over the committed address list (tile-addresses.json), each with no filter,
// one filter and three filters: a cold pass (every address for the first time since the
// data version moved: nothing cached for it) and a warm pass (the same again, from the tile
// cache). Reported per zoom band and filter count, and per zoom.
import { progress, summarise, timedGetOk } from './measure.mjs';

export const ZOOM_BANDS = [
	{ name: 'z0-2 world', from: 0, to: 2 },
	{ name: 'z3-5 region', from: 3, to: 5 },
	{ name: 'z6-9 country', from: 6, to: 9 },
	{ name: 'z10-14 town', from: 10, to: 14 }
];

/** Latency summaries of `runs` ({ z, filters, ms }) overall, per band x filter count, per zoom. */
export function tileSummary(runs) {
	const of = (pick) => summarise(runs.filter(pick).map((r) => r.ms));
	const bands = {};
	for (const band of ZOOM_BANDS) {
		for (const filters of [0, 1, 3]) bands[`${band.name}, ${filters} filter${filters === 1 ? '' : 's'}`] = of((r) => r.z >= band.from && r.z <= band.to && r.filters === filters);
	}
	const zooms = {};
	for (let z = 0; z <= 14; z++) zooms[`z${z}`] = of((r) => r.z === z);
	const worstZoom = Object.entries(zooms).filter(([, s]) => s).sort((a, b) => b[1].p95 - a[1].p95)[0];
	return { all: of(() => true), bands, zooms, worstZoomP95: worstZoom ? { zoom: worstZoom[0], ...worstZoom[1] } : null };
}

/** The cold pass, then the warm pass, one request at a time. */
export async function benchTiles(url, requests, say) {
	const cold = [];
	const warm = [];
	const statuses = {};
	let warmHits = 0;
	let warmWithBody = 0;
	for (const [label, runs] of [['cold tiles', cold], ['warm tiles', warm]]) {
		for (const [i, r] of requests.entries()) {
			const answer = await timedGetOk(url + r.path);
			statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
			// Only a tile with features says where it came from (x-tile-cache); a 204 has no body.
			if (runs === warm && answer.status === 200) warmWithBody++;
			if (runs === warm && answer.headers.get('x-tile-cache') === 'hit') warmHits++;
			runs.push({ z: r.z, filters: r.filters, ms: answer.ms, bytes: answer.body.length, path: r.path, app: answer.headers.get('server-timing') });
			progress(`  ${label}`, i + 1, requests.length);
		}
	}
	// The slowest cold tiles by address, with the portal's own time (server-timing): what a
	// worst-zoom figure is made of, to replay.
	const slowest = [...cold].sort((a, b) => b.ms - a.ms).slice(0, 10).map(({ path, ms, app }) => ({ path, ms: Math.round(ms * 10) / 10, app }));
	const result = { requests: requests.length, statuses, warmCacheHits: warmHits, warmWithBody, cold: tileSummary(cold), warm: tileSummary(warm), slowestCold: slowest };
	say(`  cold: p50 ${result.cold.all.p50} ms, p95 ${result.cold.all.p95} ms; warm: p50 ${result.warm.all.p50} ms, p95 ${result.warm.all.p95} ms (${warmHits} of ${warmWithBody} warm tiles with features said x-tile-cache: hit)`);
	return result;
}
