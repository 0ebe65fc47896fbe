// Sites tile speed on the demo data: 200 distinct tiles at zooms 0-14 around real recovery
// sites, each requested cold (first time since start), then again from the tile cache.
// Usage: node tests/bench/tiles.bench.mjs   (BENCH_URL=http://... to use a running portal)
import { percentile, progress, startPortal } from './portal.mjs';

const REQUESTS = 200;
const portal = await startPortal();
try {
	const sites = (await (await fetch(`${portal.url}/api/sites.geojson?limit=5000`)).json()).features;
	// A fixed pseudo-random walk: the same tiles on every run.
	let seed = 42;
	const next = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
	const tiles = new Map();
	while (tiles.size < REQUESTS) {
		const z = Math.floor(next() * 15);
		const [lon, lat] = sites[Math.floor(next() * sites.length)].geometry.coordinates;
		const n = 2 ** z;
		const x = Math.floor(((lon + 180) / 360) * n);
		const rad = (lat * Math.PI) / 180;
		const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
		tiles.set(`${z}/${x}/${y}`, z);
	}
	const time = async (path) => {
		const started = performance.now();
		const response = await fetch(`${portal.url}/tiles/sites/${path}.mvt`, { headers: { 'accept-encoding': 'gzip' } });
		await response.arrayBuffer();
		if (response.status !== 200 && response.status !== 204) throw new Error(`${path}: HTTP ${response.status}`);
		return { ms: performance.now() - started, cache: response.headers.get('x-tile-cache') };
	};
	const cold = [];
	const cached = [];
	let done = 0;
	for (const [path, z] of tiles) {
		cold.push({ z, ...(await time(path)) });
		progress('cold tiles', ++done, REQUESTS);
	}
	done = 0;
	for (const [path, z] of tiles) {
		cached.push({ z, ...(await time(path)) });
		progress('cached tiles', ++done, REQUESTS);
	}
	const report = (label, runs) => {
		const ms = runs.map((r) => r.ms);
		console.log(`${label}: p50 ${percentile(ms, 50).toFixed(1)} ms, p95 ${percentile(ms, 95).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms over ${ms.length} requests`);
	};
	report('sites tiles, cold', cold);
	for (const [from, to] of [[0, 4], [5, 9], [10, 14]]) report(`  z${from}-${to} cold`, cold.filter((r) => r.z >= from && r.z <= to));
	report('sites tiles, cached repeat', cached.filter((r) => r.cache === 'hit' || r.cache === null));
} finally {
	await portal.stop();
}
