// The cost of pinned releases (kept answers, src/lib/server/releases/pinned-request.ts):
// bytes kept per view, the time a pinned request takes when it keeps its answer, and the time
// to serve a kept answer, beside the same answers unpinned. Through the built portal's HTTP
// and, for the bytes, SQL on its database (written to: it publishes one release).
//   BENCH_URL=http://127.0.0.1:4503 DATABASE_URL=postgres://… node tests/bench/pinned-answers.bench.mjs [--repeat 20]
import { readFileSync } from 'node:fs';
import postgres from 'postgres';

const base = process.env.BENCH_URL;
const databaseUrl = process.env.DATABASE_URL;
if (!base || !databaseUrl) {
	console.error('BENCH_URL (a built portal) and DATABASE_URL (its database) are both needed');
	process.exit(2);
}
const at = process.argv.indexOf('--repeat');
const repeat = at === -1 ? 20 : Number(process.argv[at + 1]);
const headers = { 'accept-encoding': 'gzip' };

// The views a citation warms (warm-pinned-view.ts) and the downloads, over a few filters of
// the bench's own list; the tiles of a world view as the embed loads them (z2, 16 tiles).
const filters = JSON.parse(readFileSync(new URL('./filters.json', import.meta.url), 'utf8')).filters.slice(0, 5);
const endpoints = ['/api/summary', '/api/facets', '/api/stats', '/api/routes.geojson?limit=2000', '/api/export.csv'];
const tiles = Array.from({ length: 16 }, (_, i) => `/tiles/sites/2/${i % 4}/${Math.floor(i / 4)}.mvt`);

const withQuery = (path, ...parts) => {
	const [p, q] = path.split('?');
	const query = [q, ...parts].filter(Boolean).join('&');
	return query ? `${p}?${query}` : p;
};

async function timed(path) {
	const started = performance.now();
	const response = await fetch(base + path, { headers });
	const body = new Uint8Array(await response.arrayBuffer());
	return { ms: performance.now() - started, status: response.status, bytes: body.byteLength, headers: response.headers };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
const [{ number: release }] = await sql`SELECT atlas.publish_release('bench: pinned answers') AS number`;
// The portal learns the new data version by notification or poll.
await new Promise((resolve) => setTimeout(resolve, 1500));
console.log(`release ${release}; ${filters.length} filters × ${endpoints.length} endpoints, ${tiles.length} tiles; ${repeat} repeats`);

const rows = [];
const paths = [...filters.flatMap((filter) => endpoints.map((endpoint) => withQuery(endpoint, filter))), ...tiles];
let done = 0;
for (const path of paths) {
	await timed(path); // the live answer warm in the portal's cache, as for a view being read
	const live = [];
	for (let i = 0; i < repeat; i++) live.push((await timed(path)).ms);
	const pinnedPath = withQuery(path, `release=${release}`);
	const keep = await timed(pinnedPath);
	if (keep.headers.get('data-release') !== String(release)) throw new Error(`${pinnedPath} was not answered as release ${release}`);
	const kept = [];
	for (let i = 0; i < repeat; i++) kept.push((await timed(pinnedPath)).ms);
	rows.push({ path, liveWarmMs: median(live), keepMs: keep.ms, keptMs: median(kept), immutable: /immutable/.test(keep.headers.get('cache-control') ?? '') });
	done += 1;
	process.stdout.write(`\r  measured ${done}/${paths.length}`);
}
process.stdout.write('\n');

const stored = await sql`SELECT answer_key, raw_bytes, octet_length(body) AS stored FROM atlas.release_answers WHERE release = ${release}`;
const [totals] = await sql`SELECT count(*)::int AS answers, sum(raw_bytes)::bigint AS raw, sum(octet_length(body))::bigint AS stored,
	pg_total_relation_size('atlas.release_answers') AS table_bytes FROM atlas.release_answers`;
await sql.end();

const byEndpoint = new Map();
for (const row of rows) {
	const name = row.path.startsWith('/tiles/') ? 'tile z2' : row.path.split('?')[0];
	const entry = byEndpoint.get(name) ?? { keep: [], kept: [], live: [], raw: 0, stored: 0, n: 0, immutable: true };
	entry.keep.push(row.keepMs);
	entry.kept.push(row.keptMs);
	entry.live.push(row.liveWarmMs);
	entry.immutable &&= row.immutable;
	entry.n += 1;
	byEndpoint.set(name, entry);
}
for (const { answer_key, raw_bytes, stored: storedBytes } of stored) {
	const path = new URL(answer_key).pathname;
	const name = path.startsWith('/tiles/') ? 'tile z2' : path;
	const entry = byEndpoint.get(name);
	if (entry) {
		entry.raw += raw_bytes;
		entry.stored += Number(storedBytes);
	}
}
console.log('endpoint                 answers  keep ms (median)  kept ms  live warm ms  raw KB/answer  stored KB/answer  immutable');
for (const [name, e] of byEndpoint) {
	console.log(
		`${name.padEnd(24)} ${String(e.n).padStart(7)}  ${median(e.keep).toFixed(1).padStart(16)}  ${median(e.kept).toFixed(1).padStart(7)}  ${median(e.live).toFixed(1).padStart(12)}  ${(e.raw / e.n / 1024).toFixed(1).padStart(13)}  ${(e.stored / e.n / 1024).toFixed(1).padStart(16)}  ${e.immutable}`
	);
}
const perView = filters.length ? (Number(totals.stored) - [...byEndpoint].filter(([n]) => n === 'tile z2').reduce((s, [, e]) => s + e.stored, 0)) / filters.length : 0;
console.log(`kept: ${totals.answers} answers, ${(Number(totals.raw) / 1024).toFixed(0)} KB raw, ${(Number(totals.stored) / 1024).toFixed(0)} KB stored gzip (table ${(Number(totals.table_bytes) / 1024).toFixed(0)} KB); per view (5 answers, tiles aside): ${(perView / 1024).toFixed(1)} KB`);
console.log(JSON.stringify({ release, repeat, endpoints: Object.fromEntries([...byEndpoint].map(([n, e]) => [n, { answers: e.n, keepMs: median(e.keep), keptMs: median(e.kept), liveWarmMs: median(e.live), rawBytes: e.raw, storedBytes: e.stored }])), totals }));
