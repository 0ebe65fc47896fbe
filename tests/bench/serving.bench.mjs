// Serving figures of issue 16 (helper B): a cached tile at 32 connections against a bare
// node:http serving the same bytes with the same headers, in the same run.
//   node tests/bench/serving.bench.mjs             portal on the embedded demo (.data)
//   BENCH_URL=http://127.0.0.1:3420 node tests/bench/serving.bench.mjs
// Options: --seconds N (each run, default 10), --connections N (default 32), --tile PATH.
// With DATABASE_URL (the portal's own database) and BENCH_URL it also times cold requests
// (tiles at z8-z12 around sites, with no, one and three filters; stats over filters) against
// the raw SQL of the same statements, built by the same app modules and run one statement,
// one round trip each, on a connection already set up as the public viewer:
//   node --import tsx --import ./tests/bench/app-import-hooks.mjs tests/bench/serving.bench.mjs --cold 60
// The bare server runs in a child process of its own, as the portal does, so neither
// shares autocannon's event loop.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import autocannon from 'autocannon';
import { startPortal } from './portal.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
	const at = args.indexOf(`--${name}`);
	return at === -1 ? fallback : args[at + 1];
};
const seconds = Number(option('seconds', 10));
const connections = Number(option('connections', 32));
const tilePath = option('tile', '/tiles/sites/3/4/3.mvt?from=2014');
const headers = { 'accept-encoding': 'gzip' };

const BARE = `
const http = require('node:http');
let answer;
process.on('message', (m) => {
	answer = { headers: m.headers, body: Buffer.from(m.body, 'base64') };
	const server = http.createServer((req, res) => { res.writeHead(200, answer.headers); res.end(answer.body); });
	server.listen(0, '127.0.0.1', () => process.send(server.address().port));
});`;

async function run(url, label) {
	const result = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 });
	const out = { label, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors };
	console.log(`[bench] ${label}: ${out.requestsPerSecond} req/s, p50 ${out.p50} ms, p99 ${out.p99} ms, non-2xx ${out.non2xx}, errors ${out.errors}`);
	return out;
}

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
};

/** Cold endpoint time (HTTP, client side, cache miss) against the raw SQL of its statements. */
async function coldVersusRaw(portalUrl, databaseUrl, count) {
	const { connect } = await import('../../db/connect.ts');
	const { parseFilter } = await import('../../src/lib/filter/filter-schema.ts');
	const { layerRows } = await import('../../src/lib/server/tiles/tile-layers.ts');
	const { encodeLayer, supportsNativeMvt } = await import('../../src/lib/server/tiles/tile-encoder.ts');
	const { evidenceStats } = await import('../../src/lib/server/stats/evidence-stats.ts');
	// Two: one reserved for the raw statements, one for looking up the cases.
	const sql = connect(databaseUrl, { max: 2, application: 'diversion-atlas-bench' });
	const raw = await sql.reserve();
	await raw`SELECT set_config('role', 'atlas_reader', false), set_config('atlas.viewer_role', 'public', false),
		set_config('atlas.viewer_country', '', false), set_config('plan_cache_mode', 'force_custom_plan', false), set_config('jit', 'off', false)`;
	const native = await supportsNativeMvt(sql, raw);
	// Other sites on each run, so a second run against the same portal is cold too.
	const offset = Date.now() % 1009;
	const sites = await sql`SELECT ST_X(geom) AS lon, ST_Y(geom) AS lat FROM atlas.sites
		WHERE visibility = 'public' AND abs(ST_Y(geom)) < 70 ORDER BY (id * 7919 + ${offset}) % 1009, id LIMIT ${count}`;
	const filters = ['', 'from=2014', 'from=2012&category=weapon,ammunition&made_in=CHN,RUS,USA'];
	const cases = sites.map(({ lon, lat }, i) => {
		const z = 8 + (i % 3) * 2;
		const n = 2 ** z;
		const rad = (lat * Math.PI) / 180;
		const x = Math.floor(((lon + 180) / 360) * n);
		const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
		const query = filters[Math.floor(i / 3) % 3];
		return { kind: 'tile', path: `/tiles/sites/${z}/${x}/${y}.mvt${query ? `?${query}` : ''}`, address: { layer: 'sites', z, x, y }, query };
	});
	// A start day of this run's own keeps the stats answers uncached as well.
	const day = String(1 + (offset % 28)).padStart(2, '0');
	for (let year = 2008; year < 2008 + Math.min(10, count); year++) {
		const query = `from=${year}-01-${day}&to=${year + 3}`;
		cases.push({ kind: 'stats', path: `/api/stats?${query}`, query });
	}
	const runRaw = async (c) => {
		const parsed = parseFilter(new URLSearchParams(c.query));
		await raw`SELECT set_config('max_parallel_workers_per_gather', ${c.kind === 'tile' ? '0' : '2'}, false)`;
		const started = performance.now();
		if (c.kind === 'tile') await encodeLayer(raw, native, 'sites', layerRows(raw, c.address, parsed.filter));
		else await evidenceStats(raw, parsed.filter, null);
		return performance.now() - started;
	};
	const rows = [];
	let done = 0;
	for (const c of cases) {
		await runRaw(c); // warms the database's buffers and this connection's prepared statement
		const started = performance.now();
		const response = await fetch(portalUrl + c.path, { headers });
		await response.arrayBuffer();
		const endpoint = performance.now() - started;
		// Two sites in one tile, or a tile an earlier run asked for: not a cold request.
		if (response.headers.get('x-tile-cache') === 'hit') {
			done++;
			continue;
		}
		// The portal's own time to the first byte (server-timing), without the HTTP client's.
		const app = Number(/app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN);
		rows.push({ kind: c.kind, endpoint, app, raw: await runRaw(c) });
		if (++done % 10 === 0 || done === cases.length) console.log(`[bench] cold vs raw: ${done}/${cases.length}`);
	}
	raw.release();
	await sql.end();
	const summary = {};
	for (const kind of ['tile', 'stats']) {
		const of = rows.filter((row) => row.kind === kind);
		if (!of.length) continue;
		const figures = { n: of.length, endpointMedianMs: Number(median(of.map((r) => r.endpoint)).toFixed(2)), rawMedianMs: Number(median(of.map((r) => r.raw)).toFixed(2)), ratioMedian: Number(median(of.map((r) => r.endpoint / r.raw)).toFixed(3)),
			appMedianMs: Number(median(of.map((r) => r.app)).toFixed(2)), appRatioMedian: Number(median(of.map((r) => r.app / r.raw)).toFixed(3)) };
		summary[kind] = figures;
		console.log(`[bench] cold ${kind}: endpoint median ${figures.endpointMedianMs} ms, raw SQL median ${figures.rawMedianMs} ms, median ratio ${figures.ratioMedian}; server-timing median ${figures.appMedianMs} ms, ratio ${figures.appRatioMedian} (n=${figures.n})`);
	}
	return summary;
}

const portal = await startPortal();
const coldCount = Number(option('cold', 0));
if (coldCount > 0) {
	if (!process.env.BENCH_URL || !process.env.DATABASE_URL) throw new Error('--cold needs BENCH_URL and DATABASE_URL (the portal\'s database)');
	console.log(JSON.stringify({ coldVersusRaw: await coldVersusRaw(portal.url, process.env.DATABASE_URL, coldCount) }));
}
try {
	// Warm the tile, then take the bytes and headers a cached answer has.
	await fetch(portal.url + tilePath, { headers });
	const cached = await fetch(portal.url + tilePath, { headers });
	if (cached.headers.get('x-tile-cache') !== 'hit') throw new Error(`the tile was not cached: ${cached.status} ${cached.headers.get('x-tile-cache')}`);
	const body = Buffer.from(await cached.arrayBuffer());
	const sent = Object.fromEntries([...cached.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)));
	console.log(`[bench] tile ${tilePath}: ${body.byteLength} bytes gzipped; ${seconds} s per run at ${connections} connections`);

	const bare = spawn(process.execPath, ['-e', BARE], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
	bare.send({ headers: sent, body: body.toString('base64') });
	const [barePort] = await once(bare, 'message');
	try {
		const bareRun = await run(`http://127.0.0.1:${barePort}${tilePath}`, 'bare node:http, same bytes');
		const portalRun = await run(portal.url + tilePath, 'portal, cached tile');
		const share = portalRun.requestsPerSecond / bareRun.requestsPerSecond;
		console.log(`[bench] cached tile: ${portalRun.requestsPerSecond} req/s = ${(share * 100).toFixed(0)} % of bare node:http; p99 ${portalRun.p99} ms`);
		console.log(JSON.stringify({ cachedTile: { tilePath, connections, seconds, bare: bareRun, portal: portalRun, share: Number(share.toFixed(3)) } }));
	} finally {
		bare.kill();
	}
} finally {
	await portal.stop();
}
