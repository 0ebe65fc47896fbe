// Latency of the JSON endpoints the explorer and charts call, on the demo data: each filter
// first (cold: nothing cached for it), then the whole set again (from the answer cache).
// Usage: node tests/bench/api.bench.mjs   (BENCH_URL=http://... to use a running portal)
import { benchFilters } from './lib/inputs.mjs';
import { percentile, progress, startPortal } from './portal.mjs';

// The bench's 20 committed filters (tests/bench/filters.json), shared with npm run bench.
const { filters: FILTERS } = benchFilters();
const ENDPOINTS = ['stats', 'summary', 'facets', 'sites.geojson?limit=1000&', 'routes.geojson?limit=2000&'];
const portal = await startPortal();
try {
	const times = [Object.fromEntries(ENDPOINTS.map((e) => [e, []])), Object.fromEntries(ENDPOINTS.map((e) => [e, []]))];
	const total = 2 * FILTERS.length * ENDPOINTS.length;
	let done = 0;
	for (let round = 0; round < 2; round++) {
		for (const filter of FILTERS) {
			for (const endpoint of ENDPOINTS) {
				const path = endpoint.endsWith('&') ? `/api/${endpoint}${filter}` : `/api/${endpoint}?${filter}`;
				const started = performance.now();
				const response = await fetch(portal.url + path);
				await response.arrayBuffer();
				if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
				times[round][endpoint].push(performance.now() - started);
				progress('requests', ++done, total);
			}
		}
	}
	['first request of each filter (cold)', 'repeat (answer cache)'].forEach((label, round) => {
		console.log(label);
		for (const [endpoint, ms] of Object.entries(times[round])) {
			console.log(`  /api/${endpoint.replace(/[?&]+$/, '')}: p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms over ${ms.length} requests`);
		}
	});
} finally {
	await portal.stop();
}
