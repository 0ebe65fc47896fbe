// Streams a large item CSV (/api/export.csv) from a built portal and reports the time to the
// last byte and the growth of the portal's memory (RSS of its process tree, sampled every
// 50 ms from /proc/<pid>/status), beside the raw SQL of the same rows written by
// `COPY (…) TO STDOUT` through psql. Issue 18's target: 100,000 rows in under 10 s, memory
// growing by less than 100 MB.
//
//   npx vite build   # once
//   node tests/bench/export.bench.mjs                       # native PostGIS at scale 10 (read only)
//   EXPORT_BENCH_DB=postgres://… EXPORT_BENCH_FILTER='country=IRQ' PORT=4440 node tests/bench/export.bench.mjs
//   BENCH_URL=http://127.0.0.1:4440 BENCH_PID=<portal pid> node tests/bench/export.bench.mjs
//
// The database is only read: the portal finds it migrated and seeded and changes nothing.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { root } from '../../db/setup-steps.mjs';
import { treeMemory } from './lib/memory.mjs';
import { startPortal } from './portal.mjs';

const dbUrl = process.env.EXPORT_BENCH_DB ?? 'postgres://postgres@127.0.0.1:55432/atlas_final3_s10';
const filter = process.env.EXPORT_BENCH_FILTER ?? 'category=related';
// The same rows in plain SQL for the raw figure: the Filter's condition written out.
const rawConditions = { 'category=related': "f.category = 'related'", 'country=IRQ': "f.country_iso3 = 'IRQ'", 'country=IRQ,SYR': "f.country_iso3 IN ('IRQ', 'SYR')", '': 'TRUE' };
const runs = Number(process.env.EXPORT_BENCH_RUNS ?? 3);
const TARGET = { seconds: 10, growthMiB: 100, rows: 100_000 };

/** One download read as a slow-enough client would: bytes and lines counted, never kept. */
function download(url, headers = {}) {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		request(url, { headers }, (response) => {
			let bytes = 0;
			let lines = 0;
			response.on('data', (chunk) => {
				bytes += chunk.length;
				for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
			});
			response.on('end', () => resolve({ status: response.statusCode, ms: performance.now() - started, bytes, lines, encoding: response.headers['content-encoding'] ?? 'identity' }));
			response.on('error', reject);
		})
			.on('error', reject)
			.end();
	});
}

function rawCopyMs() {
	const condition = rawConditions[filter];
	if (!condition) return null;
	const query = readFileSync(`${root}/src/lib/server/exports/export-items.sql`, 'utf8')
		.split('\n')
		.filter((line) => !/^\s*--/.test(line))
		.join(' ')
		.replace(':record_base', "'http://127.0.0.1/items/'")
		.replace(':filter', condition);
	// As the web reader, so row security costs what it costs the portal.
	const script = `SET ROLE atlas_reader; SELECT set_config('atlas.viewer_role', 'public', false) \\g /dev/null\nCOPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER)`;
	const started = performance.now();
	execFileSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', dbUrl], { input: script, stdio: ['pipe', 'ignore', 'inherit'], maxBuffer: 1 << 30 });
	return performance.now() - started;
}

const portal = await startPortal({ databaseUrl: dbUrl, port: Number(process.env.PORT ?? 4440) });
try {
	const address = `${portal.url}/api/export.csv${filter ? `?${filter}` : ''}`;
	// A small export first, so the memory baseline includes the loaded code and a warm pool.
	await download(`${portal.url}/api/export.csv?country=IRQ&category=dual_use`);
	const results = [];
	for (let run = 1; run <= runs; run++) {
		for (const headers of [{}, { 'accept-encoding': 'gzip' }]) {
			const before = treeMemory(portal.pid).rssMiB;
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, treeMemory(portal.pid).rssMiB)), 50);
			const result = await download(address, headers);
			clearInterval(sampler);
			peak = Math.max(peak, treeMemory(portal.pid).rssMiB);
			const rows = result.encoding === 'identity' ? result.lines - 1 : null;
			results.push({ run, ...result, rows, beforeMiB: before, peakMiB: peak, growthMiB: Math.round((peak - before) * 10) / 10 });
			console.log(`run ${run}/${runs} ${result.encoding}: ${(result.ms / 1000).toFixed(2)} s, ${(result.bytes / 1e6).toFixed(1)} MB${rows === null ? '' : `, ${rows} rows`}, RSS ${before} → peak ${peak} MiB (+${(peak - before).toFixed(1)})`);
		}
	}
	const raw = [];
	for (let run = 1; run <= runs; run++) {
		const ms = rawCopyMs();
		if (ms === null) break;
		raw.push(ms);
		console.log(`raw SQL COPY ${run}/${runs}: ${(ms / 1000).toFixed(2)} s`);
	}
	const plain = results.filter((r) => r.encoding === 'identity');
	const worst = { seconds: Math.max(...plain.map((r) => r.ms)) / 1000, growthMiB: Math.max(...results.map((r) => r.growthMiB)), rows: Math.min(...plain.map((r) => r.rows)) };
	const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
	console.log(JSON.stringify({ filter, database: dbUrl.replace(/\/\/[^@]*@/, '//'), medianMs: median(plain.map((r) => r.ms)), medianGzipMs: median(results.filter((r) => r.encoding !== 'identity').map((r) => r.ms)), rawCopyMedianMs: raw.length ? median(raw) : null, worst }, null, 1));
	const ok = worst.rows >= TARGET.rows && worst.seconds < TARGET.seconds && worst.growthMiB < TARGET.growthMiB;
	console.log(`${ok ? '✓' : '✗'} ${worst.rows} rows in at most ${worst.seconds.toFixed(2)} s (target < ${TARGET.seconds} s), memory growth at most ${worst.growthMiB} MiB (target < ${TARGET.growthMiB} MB)`);
} finally {
	await portal.stop();
}
