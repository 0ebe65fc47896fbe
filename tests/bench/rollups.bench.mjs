// Cold latency of the answers the rollups serve (db/migrations/018_fact_rollups.sql): low-zoom
// sites tiles with 0, 1 and 3 filters, /api/stats, /api/summary, /api/facets and the HTML of
// `/`, each labelled with the path src/lib/server/rollup-sql.ts gives it. Every request is
// cold: the data version is bumped before it, so no answer cache can serve it.
// Usage: BENCH_URL=http://127.0.0.1:3410 BENCH_DATABASE_URL=postgres://... node tests/bench/rollups.bench.mjs [--runs N]
// (BENCH_DATABASE_URL is written to: use a copy of the benchmark database.)
import postgres from 'postgres';
import { percentile, progress } from './portal.mjs';

const url = process.env.BENCH_URL;
const databaseUrl = process.env.BENCH_DATABASE_URL;
if (!url || !databaseUrl) throw new Error('set BENCH_URL (a running portal) and BENCH_DATABASE_URL (its database, a copy)');
const runsAt = process.argv.indexOf('--runs');
const RUNS = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 11;

// A world-to-region descent over Iraq (z0..z5) and the filters the explorer sends most.
const TILES = [[0, 0, 0], [1, 1, 0], [2, 2, 1], [3, 4, 3], [4, 9, 6], [5, 19, 12]];
const FILTERS = [
	{ query: '', path: 'rollups' },
	{ query: 'category=weapon', path: 'rollups' },
	{ query: 'from=2015&to=2019&country=IRQ,SYR&category=weapon,ammunition', path: 'rollups' },
	{ query: 'made_in=CHN', path: 'items' },
	{ query: 'from=2016-03-01&category=weapon&made_in=RUS', path: 'items' }
];
const API_FILTERS = [
	...FILTERS,
	{ query: 'country=MLI,NER,BFA', path: 'rollups' },
	{ query: 'from=2018&to=2019&category=ied', path: 'rollups' },
	{ query: 'response=permissive', path: 'items' }
];

const cases = [
	...TILES.flatMap(([z, x, y]) => FILTERS.map(({ query, path }) => ({ group: `tile z${z}`, label: query || '(none)', path, address: `/tiles/sites/${z}/${x}/${y}.mvt?${query}` }))),
	...['stats', 'summary', 'facets'].flatMap((api) => API_FILTERS.map(({ query, path }) => ({ group: `/api/${api}`, label: query || '(none)', path, address: `/api/${api}?${query}` }))),
	{ group: '/ (HTML)', label: '(none)', path: 'rollups', address: '/' }
];

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const times = new Map(cases.map((c) => [c, []]));
let done = 0;
try {
	for (let run = 0; run < RUNS; run++) {
		for (const c of cases) {
			await sql`UPDATE atlas.data_version SET version = version + 1, changed_at = now()`;
			const started = performance.now();
			const response = await fetch(url + c.address, { headers: { 'accept-encoding': 'gzip' } });
			await response.arrayBuffer();
			if (response.status >= 400) throw new Error(`${c.address}: HTTP ${response.status}`);
			times.get(c).push(performance.now() - started);
			progress('cold requests', ++done, RUNS * cases.length);
		}
	}
} finally {
	await sql.end();
}
console.log(`\n${RUNS} cold requests each, ${url}`);
const groups = new Map();
for (const c of cases) {
	const ms = times.get(c);
	console.log(`${c.group.padEnd(14)} ${c.label.padEnd(62)} ${c.path.padEnd(8)} p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(7)} ms`);
	const key = `${c.group} [${c.path}]`;
	groups.set(key, [...(groups.get(key) ?? []), ...ms]);
}
console.log('\nby group and path');
for (const [key, ms] of groups) console.log(`${key.padEnd(28)} p50 ${percentile(ms, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(ms, 95).toFixed(1).padStart(7)} ms  (${ms.length})`);
