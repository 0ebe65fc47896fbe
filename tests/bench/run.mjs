// npm run bench: issue 16's benchmark of the portal on a native PostGIS at scale 10 (or
// --scale 60), through its public interfaces only (HTTP on the started portal, SQL on the
// database), so it measures whatever code it is given. Writes tests/bench/bench-results.json
// and tests/bench/RESULTS.md (each figure beside its target, ✓/✗ reported, never enforced).
//
//   npm run bench                          throw-away native cluster (or TEST_DATABASE_URL), seeded at scale 10
//   npm run bench -- --scale 60            the same at scale 60 (about 6M items)
//   npm run bench -- --reuse-db <url>      an already seeded database (not seeded, not dropped)
//   npm run bench -- --quick               CI's smoke run on the embedded demo, a few of each, ≤ 2 min
//   options: --out <dir>, --data-dir <dir> (--quick), --skip tiles,endpoints,cached,propagation,browser,load,raw
// Exits 1 only when a step of the harness itself failed.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from '../../db/setup-steps.mjs';
import { startPortal } from '../load/portal-process.mjs';
import { launchBrowser, firstIdleRuns } from './lib/browser.mjs';
import { benchCached } from './lib/cached.mjs';
import { bumpDataVersion, embeddedDatabase, ownerClient, prepareDatabase, throwAwayCluster } from './lib/database.mjs';
import { benchEndpoints } from './lib/endpoints.mjs';
import { endpointRequests, tileRequests } from './lib/inputs.mjs';
import { benchLoad } from './lib/load.mjs';
import { sleep, summarise, timedGet } from './lib/measure.mjs';
import { treeMemory } from './lib/memory.mjs';
import { benchPropagation } from './lib/propagation.mjs';
import { benchRawSql, newTraceFile } from './lib/raw-sql.mjs';
import { machine, targetRows, writeResults } from './lib/report.mjs';
import { benchTiles } from './lib/tiles.mjs';

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const { values } = parseArgs({
	options: {
		quick: { type: 'boolean', default: false },
		scale: { type: 'string', default: '10' },
		'reuse-db': { type: 'string' },
		out: { type: 'string' },
		// --quick: an embedded data directory already seeded (CI passes the load test's), else a fresh one.
		'data-dir': { type: 'string', default: process.env.DATA_DIR },
		skip: { type: 'string', default: '' }
	}
});
const quick = values.quick;
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
	console.error('--scale must be a whole number from 1 to 100');
	process.exit(2);
}
const skip = new Set(values.skip.split(',').filter(Boolean));

// How much of each step: the full run (issue 16's bench) or CI's smoke run.
const PLAN = quick
	? { tileEvery: 10, endpointFilters: 5, endpointPasses: 1, cachedSeconds: 2, cachedConnections: 32, mixTiles: 10, propagationSizes: [1], capMs: 3000, loadSeconds: 8, loadConnections: 50, browserRuns: 1, rawTileEvery: 50, rawFilters: 2 }
	: { tileEvery: 1, endpointFilters: 20, endpointPasses: 3, cachedSeconds: 10, cachedConnections: 32, mixTiles: 50, propagationSizes: [1, 1000], capMs: 10_000, loadSeconds: 60, loadConnections: 200, browserRuns: 10, rawTileEvery: 3, rawFilters: 10 };
const STEPS = ['database', 'portal', 'tiles', 'endpoints', 'cached', 'propagation', 'browser', 'load', 'raw', 'results'];

const outDir = values.out ?? (quick ? join(root, 'test-results', 'bench') : join(root, 'tests', 'bench'));
const logDir = join(root, 'test-results', 'bench');
mkdirSync(outDir, { recursive: true });
mkdirSync(logDir, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'atlas-bench-'));

let stepNo = 0;
const say = (line) => console.log(line);
const started = Date.now();
const results = { mode: quick ? 'quick' : 'native', plan: PLAN, errors: [] };
const cleanups = [];

/** Runs one counted step; a failure is recorded and the run goes on with the next step. */
async function step(name, work) {
	const n = ++stepNo;
	if (skip.has(name)) {
		say(`[bench ${n}/${STEPS.length}] ${name}: skipped (--skip)`);
		return undefined;
	}
	say(`[bench ${n}/${STEPS.length}] ${name} (${Math.round((Date.now() - started) / 1000)} s into the run)`);
	try {
		return await work();
	} catch (error) {
		say(`[bench] ${name} failed: ${error.stack ?? error}`);
		results.errors.push({ step: name, error: String(error.message ?? error).slice(0, 500) });
		return undefined;
	}
}

/**
 * The pages and code paths a first reader touches (and a few tiles and aggregates of the
 * bench's own lists, all made cold again by the data version bump before each step), so
 * no figure pays for the fresh process's first compilations and connections.
 */
async function warmUp(url) {
	const tiles = tileRequests({ every: 40 }).map((t) => t.path);
	const paths = ['/', '/about', '/api/health', '/tiles/countries/0/0/0.mvt', '/api/openapi.json', ...tiles, ...endpointRequests(2).map((r) => r.path)];
	for (const path of paths) await timedGet(url + path);
	await sleep(1000);
}

let dbUrl;
let sql;
let portal;
try {
	await step('database', async () => {
		let source;
		let seed = true;
		if (quick) {
			const embedded = await embeddedDatabase(values['data-dir'] ?? join(work, 'data'), say);
			cleanups.push(() => embedded.stop());
			dbUrl = embedded.url;
			source = `embedded PGlite + PostGIS (demo data, ${values['data-dir'] ? 'DATA_DIR' : 'fresh data directory'})`;
		} else if (values['reuse-db']) {
			dbUrl = values['reuse-db'];
			seed = false;
			source = `reused database (--reuse-db ${dbUrl.replace(/\/\/[^@/]*@/, '//…@')})`;
		} else if (process.env.TEST_DATABASE_URL) {
			dbUrl = process.env.TEST_DATABASE_URL;
			source = 'TEST_DATABASE_URL (seeded only if empty)';
		} else {
			const cluster = await throwAwayCluster(say);
			cleanups.push(() => cluster.stop());
			dbUrl = cluster.url;
			source = 'throw-away native PostgreSQL 15 cluster (fsync off, no parallel workers)';
		}
		const facts = await prepareDatabase(dbUrl, { scale: quick ? 1 : scale, seed, say });
		results.database = { source, scale: quick ? 1 : scale, ...facts };
		say(`  ${facts.items} items, ${Math.round(facts.sizeBytes / 2 ** 20)} MiB${facts.seeding.seconds != null ? `, seeding ${facts.seeding.seconds.toFixed(0)} s` : ''}`);
		sql = ownerClient(dbUrl);
		cleanups.unshift(() => sql.end());
	});
	if (!sql) throw new Error('no database: nothing to measure');
	results.machine = machine(results.database.serverVersion);

	await step('portal', async () => {
		portal = await startPortal({ name: 'bench', databaseUrl: dbUrl }, { logDir });
		cleanups.unshift(() => portal.stop());
		await warmUp(portal.url);
		results.memory = { atRest: treeMemory(portal.pid) };
		say(`  serving at ${portal.url} (pid ${portal.pid}, healthy after ${portal.startSeconds.toFixed(1)} s); RSS at rest ${results.memory.atRest.rssMiB} MiB`);
	});
	if (!portal) throw new Error('the portal did not start: nothing to measure');

	results.tiles = await step('tiles', async () => {
		await bumpDataVersion(sql, portal.url);
		return benchTiles(portal.url, tileRequests({ every: PLAN.tileEvery }), say);
	});
	results.endpointFilters = PLAN.endpointFilters;
	results.endpoints = await step('endpoints', () => benchEndpoints({ url: portal.url, sql, requests: endpointRequests(PLAN.endpointFilters), passes: PLAN.endpointPasses, say }));
	results.cachedConnections = PLAN.cachedConnections;
	results.cachedSeconds = PLAN.cachedSeconds;
	results.cached = await step('cached', async () => {
		const tiles = tileRequests({ every: 1 });
		// One regional tile with features (a 204 would measure an empty answer), and a mix of
		// world-to-country tiles as a map view asks for them, empty ones included.
		let one;
		for (const t of tiles.filter((t) => t.z >= 3 && t.z <= 5 && t.filters === 0)) {
			if ((await timedGet(portal.url + t.path)).status === 200) {
				one = t.path;
				break;
			}
		}
		if (!one) throw new Error('no tile of the list at z3-z5 has features');
		const mix = tiles.filter((t) => t.z <= 8).filter((_, i) => i % 7 === 0).slice(0, PLAN.mixTiles).map((t) => t.path);
		return benchCached({ url: portal.url, sets: { 'one tile': [one], 'tile mix': mix }, connections: PLAN.cachedConnections, seconds: PLAN.cachedSeconds, workDir: work, say });
	});
	results.propagationCapSeconds = PLAN.capMs / 1000;
	results.propagation = await step('propagation', () => benchPropagation({ url: portal.url, sql, sizes: PLAN.propagationSizes, capMs: PLAN.capMs, say }));
	results.browser = await step('browser', async () => {
		const browser = await launchBrowser();
		try {
			const runs = await firstIdleRuns(browser, portal.url, PLAN.browserRuns);
			const out = { firstIdle: summarise(runs.firstIdle), filterChange: summarise(runs.filterChange) };
			say(`  first map idle p50 ${out.firstIdle.p50} ms, p95 ${out.firstIdle.p95} ms; filter change p50 ${out.filterChange.p50} ms`);
			return out;
		} finally {
			await browser.close();
		}
	});
	results.load = await step('load', () => benchLoad({ portal, seconds: PLAN.loadSeconds, connections: PLAN.loadConnections, say }));
	if (results.memory && results.load) results.memory.peak = results.load.memory;
	results.rawSql = await step('raw', async () => {
		// A portal of its own, tracing its statements, so the trace's cost touches no other figure.
		await portal.stop();
		cleanups.shift();
		const traceFile = newTraceFile(join(work, 'statements.jsonl'));
		const traced = await startPortal({ name: 'bench-traced', databaseUrl: dbUrl }, { logDir, env: { ATLAS_SQL_TRACE: traceFile } });
		try {
			await warmUp(traced.url);
			await bumpDataVersion(sql, traced.url);
			const tiles = tileRequests({ every: PLAN.rawTileEvery }).map((t) => ({ kind: `tile z${t.z <= 2 ? '0-2' : t.z <= 5 ? '3-5' : t.z <= 9 ? '6-9' : '10-14'}`, path: t.path }));
			return await benchRawSql({ url: traced.url, traceFile, dbUrl, requests: [...tiles, ...endpointRequests(PLAN.rawFilters)], say });
		} finally {
			await traced.stop();
		}
	});
} finally {
	stepNo = STEPS.length - 1;
	await step('results', async () => {
		results.durationSeconds = (Date.now() - started) / 1000;
		if (!results.machine) results.machine = machine(null);
		if (!results.database) results.database = { source: 'none', scale, items: 0, sizeBytes: 0, seeding: { skipped: true } };
		const jsonPath = join(outDir, 'bench-results.json');
		const markdownPath = join(outDir, 'RESULTS.md');
		writeResults(results, { jsonPath, markdownPath, jsonName: 'bench-results.json' });
		for (const row of targetRows(results)) say(`  ${row.ok === null ? '–' : row.ok ? '✓' : '✗'} ${row.figure}: ${row.value} (target ${row.target})`);
		say(`  wrote ${relative(root, markdownPath)} and ${relative(root, jsonPath)}`);
	});
	for (const cleanup of cleanups) await cleanup().catch((error) => say(`[bench] cleanup: ${error.message ?? error}`));
	rmSync(work, { recursive: true, force: true });
}
say(`[bench] done in ${Math.round((Date.now() - started) / 1000)} s; ${results.errors.length} step${results.errors.length === 1 ? '' : 's'} failed`);
process.exit(results.errors.length ? 1 : 0);
