// bench-results.json and RESULTS.md: the run's figures, each beside its target from issue 16
// with ✓ or ✗ (reported, never enforced), and where and on what it ran.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * A run's results as run.mjs gathers them (every step's figures, all optional: a step may
 * be skipped or fail): read loosely here, by path.
 * @typedef {Record<string, any>} BenchResults
 * @typedef {{ figure: string, target: string, value: string, ok: boolean | null }} TargetRow
 */

/** @param {string | null} serverVersion */
export function machine(serverVersion) {
	const model = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
	const git = (/** @type {string[]} */ ...args) => {
		try {
			return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
		} catch {
			return null;
		}
	};
	return {
		date: new Date().toISOString(),
		commit: git('rev-parse', 'HEAD'),
		uncommittedChanges: Boolean(git('status', '--porcelain', '--untracked-files=no')),
		cpu: model,
		cores: cpus().length,
		ramGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		postgres: serverVersion,
		loadAverageAtStart: readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
	};
}

/** @param {BenchResults} object @param {string} path @returns {any} */
const get = (object, path) => path.split('.').reduce((o, k) => (o == null ? undefined : o[k]), object);

/**
 * The mode's targets, each with this run's value and whether it meets it (null: not measured).
 * @param {BenchResults} r
 * @returns {TargetRow[]}
 */
export function targetRows(r) {
	/** @type {TargetRow[]} */
	const rows = [];
	/** @param {string} figure @param {string} target @param {number | null | undefined} value @param {boolean} ok @param {string} [unit] */
	const add = (figure, target, value, ok, unit = '') => rows.push({ figure, target, value: value === undefined || value === null ? 'not measured' : `${value}${unit}`, ok: value === undefined || value === null ? null : ok });
	/** @param {number | null | undefined} v @param {number} max */
	const le = (v, max) => v !== null && v !== undefined && v <= max;
	/** @param {number | null | undefined} v @param {number} min */
	const ge = (v, min) => v !== null && v !== undefined && v >= min;
	const mode = r.mode;
	if (mode === 'native') {
		const scale60 = r.database.scale >= 60;
		const tileP95 = scale60 ? 100 : 50;
		add('sites tile cold, all zooms and filters: p95', `≤ ${tileP95} ms`, get(r, 'tiles.cold.all.p95'), le(get(r, 'tiles.cold.all.p95'), tileP95), ' ms');
		if (!scale60) add('sites tile cold, all zooms and filters: p50', '≤ 15 ms', get(r, 'tiles.cold.all.p50'), le(get(r, 'tiles.cold.all.p50'), 15), ' ms');
		const worst = get(r, 'tiles.cold.worstZoomP95');
		add(`sites tile cold, worst zoom (${worst?.zoom ?? '-'}): p95`, `≤ ${tileP95} ms`, worst?.p95, le(worst?.p95, tileP95), ' ms');
		const statsP95 = scale60 ? 300 : 150;
		for (const e of scale60 ? ['stats'] : ['stats', 'summary', 'facets']) {
			add(`/api/${e} cold, 20 filters: p95`, `≤ ${statsP95} ms`, get(r, `endpoints.cold.${e}.p95`), le(get(r, `endpoints.cold.${e}.p95`), statsP95), ' ms');
		}
		if (scale60) add('seeding (wall)', '≤ 15 min', r.database.seeding?.seconds != null ? Math.round(r.database.seeding.seconds / 6) / 10 : null, le(r.database.seeding?.seconds, 900), ' min');
		add('cold endpoint ÷ raw SQL, median', '≤ 1.2×', get(r, 'rawSql.medianRatio'), le(get(r, 'rawSql.medianRatio'), 1.2), '×');
		for (const set of ['one tile', 'tile mix']) {
			const c = get(r, `cached.${set}`);
			add(`cached ${set}, 32 connections: req/s`, '≥ 10,000/s', c?.portal.requestsPerSecond, ge(c?.portal.requestsPerSecond, 10_000), '/s');
			add(`cached ${set}: share of bare node:http`, '≥ 40 %', c ? Math.round(c.shareOfBare * 100) : null, ge(c?.shareOfBare, 0.4), ' %');
			add(`cached ${set}: p99`, '≤ 5 ms', c?.portal.p99, le(c?.portal.p99, 5), ' ms');
		}
		const p1000 = get(r, 'propagation.1000');
		add('1,000 items changed: visible everywhere after commit', '≤ 2 s', p1000 ? (p1000.unpublished.everywhereMs === null ? null : p1000.unpublished.everywhereMs / 1000) : undefined, le(p1000?.unpublished.everywhereMs, 2000), ' s');
		if (p1000 && p1000.unpublished.everywhereMs === null) rows[rows.length - 1] = { ...rows[rows.length - 1], value: `not visible within ${r.propagationCapSeconds} s`, ok: false };
		add('1 item changed: database work (commit)', '≤ 200 ms', get(r, 'propagation.1.unpublishCommitMs'), le(get(r, 'propagation.1.unpublishCommitMs'), 200), ' ms');
		add('load 60 s, 200 connections: req/s', '≥ 1,500/s', get(r, 'load.requestsPerSecond'), ge(get(r, 'load.requestsPerSecond'), 1500), '/s');
		add('load: p99', '≤ 500 ms', get(r, 'load.p99'), le(get(r, 'load.p99'), 500), ' ms');
		add('load: 5xx answers', '0', get(r, 'load.fiveHundreds'), get(r, 'load.fiveHundreds') === 0);
	} else {
		const c = get(r, 'cached.one tile');
		add('embedded: cached tile req/s', '≥ 5,000/s', c?.portal.requestsPerSecond, ge(c?.portal.requestsPerSecond, 5000), '/s');
		add('embedded: /api/stats cold p95', '≤ 100 ms', get(r, 'endpoints.cold.stats.p95'), le(get(r, 'endpoints.cold.stats.p95'), 100), ' ms');
	}
	return rows;
}

/** @param {boolean | null} ok */
const mark = (ok) => (ok === null ? '–' : ok ? '✓' : '✗');
/** @param {string[]} head @param {(string | number)[][]} rows */
const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
/** @param {import('./measure.mjs').Latency | null | undefined} s @returns {(string | number)[]} */
const lat = (s) => (s ? [s.p50, s.p95, s.max, s.n] : ['-', '-', '-', 0]);

/** @param {BenchResults} r @param {string} jsonName */
export function markdown(r, jsonName) {
	const m = r.machine;
	const out = [];
	out.push(`# Benchmark results (${r.mode === 'native' ? `native PostGIS, scale ${r.database.scale}` : 'embedded demo, --quick'})`);
	out.push('');
	out.push(`Written by \`npm run bench${r.mode === 'native' ? '' : ' -- --quick'}\` (tests/bench/run.mjs); every figure of the run is in [${jsonName}](${jsonName}). Targets from issue 16; ✓/✗ is reported, not enforced.`);
	out.push('');
	out.push(`- date ${m.date}, commit ${m.commit ?? 'unknown'}${m.uncommittedChanges ? ' (with uncommitted changes)' : ''}`);
	out.push(`- machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; node ${m.node}; PostgreSQL ${m.postgres}; load average at start ${m.loadAverageAtStart}`);
	out.push(`- database: ${r.database.source}, ${r.database.items.toLocaleString('en')} items, ${Math.round(r.database.sizeBytes / 2 ** 20)} MiB; ${r.database.seeding.ran ? `seeding ${r.database.seeding.seconds?.toFixed(0)} s` : `already seeded${r.database.seeding.skipped ? ' (--reuse-db)' : ''}, not seeded by this run${r.database.seeding.migrationSeconds != null ? `; migrations ${r.database.seeding.migrationSeconds.toFixed(0)} s` : ''}`}`);
	out.push(`- the whole run took ${Math.round(r.durationSeconds)} s`);
	out.push('');
	out.push('## Targets');
	out.push('');
	out.push(table(['figure', 'target', 'this run', ''], targetRows(r).map((row) => [row.figure, row.target, row.value, mark(row.ok)])));
	if (r.tiles) {
		out.push('', `## Sites tiles (${r.tiles.requests} requests per pass; ms)`, '');
		out.push(table(['zooms, filters', 'cold p50', 'cold p95', 'cold max', 'n', 'warm p50', 'warm p95'], Object.keys(r.tiles.cold.bands).map((k) => [k, ...lat(r.tiles.cold.bands[k]), ...lat(r.tiles.warm.bands[k]).slice(0, 2)])));
		out.push('', table(['zoom', ...Object.keys(r.tiles.cold.zooms)], [['cold p95', ...Object.values(r.tiles.cold.zooms).map((s) => s?.p95 ?? '-')]]));
		if (r.tiles.slowestCold?.length) {
			out.push('', 'Slowest cold tiles (ms over HTTP; the portal\'s own server-timing):', '');
			out.push(table(['tile', 'ms', 'server-timing'], r.tiles.slowestCold.map((/** @type {{ path: string, ms: number, app: string | null }} */ t) => [`\`${t.path}\``, t.ms, t.app ?? '-'])));
		}
	}
	if (r.endpoints) {
		out.push('', `## Endpoints over ${r.endpointFilters} filters (${r.endpoints.passes} cold passes; ms)`, '');
		out.push(table(['endpoint', 'cold p50', 'cold p95', 'cold max', 'n', 'warm p50', 'warm p95'], Object.keys(r.endpoints.cold).map((e) => [e, ...lat(r.endpoints.cold[e]), ...lat(r.endpoints.warm[e]).slice(0, 2)])));
	}
	if (r.rawSql) {
		out.push('', `## Endpoint ÷ raw SQL (${r.rawSql.measured} cold requests; ${r.rawSql.failureCount} not replayable, ${r.rawSql.withoutDataStatements} without a data statement)`, '');
		out.push(table(['kind', 'median ratio', 'endpoint p50 ms', 'raw p50 ms', 'statements / request', 'data statements'], Object.entries(r.rawSql.byKind).map(([k, v]) => [k, `${v.medianRatio}×`, v.endpoint.p50, v.raw.p50, v.statementsPerRequest, v.dataStatementsPerRequest])));
	}
	if (r.cached) {
		out.push('', `## Cached tiles (${r.cachedConnections} connections, ${r.cachedSeconds} s each)`, '');
		out.push(table(['set', 'portal req/s', 'portal p99 ms', 'bare req/s', 'bare p99 ms', 'share'], Object.entries(r.cached).map(([k, v]) => [`${k} (${v.paths} paths)`, v.portal.requestsPerSecond, v.portal.p99, v.bare.requestsPerSecond, v.bare.p99, `${Math.round(v.shareOfBare * 100)} %`])));
	}
	if (r.propagation) {
		out.push('', `## Change propagation (ms after the commit returned; cap ${r.propagationCapSeconds} s)`, '');
		const sizes = Object.keys(r.propagation);
		const names = Object.keys(r.propagation[sizes[0]].unpublished.perAnswer);
		const cell = (/** @type {number | null} */ v) => (v === null ? 'not within cap' : v);
		out.push(table(['answer', ...sizes.flatMap((s) => [`${s} unpublished`, `${s} republished`])], names.map((n) => [n, ...sizes.flatMap((s) => [cell(r.propagation[s].unpublished.perAnswer[n]), cell(r.propagation[s].republished.perAnswer[n])])])));
		out.push('', table(['items', 'unpublish commit ms', 'republish commit ms', 'everywhere (unpublish)', 'everywhere (republish)'], sizes.map((s) => [s, r.propagation[s].unpublishCommitMs, r.propagation[s].republishCommitMs, cell(r.propagation[s].unpublished.everywhereMs), cell(r.propagation[s].republished.everywhereMs)])));
	}
	if (r.load) {
		const l = r.load;
		out.push('', `## Load (${l.seconds} s at ${l.connections} connections, the traffic mix of tests/load/traffic-mix.mjs)`, '');
		out.push(`${l.requestsPerSecond} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms; 2xx ${l.byClass['2xx']}, 4xx ${l.byClass['4xx']}, 5xx ${l.byClass['5xx']}; timeouts ${l.timeouts}, socket errors ${l.socketErrors}; load average ${l.loadAverage.before.toFixed(2)} → ${l.loadAverage.after.toFixed(2)}`);
	}
	if (r.memory) {
		out.push('', '## Memory of the portal process tree (MiB)', '');
		out.push(`at rest after start and warm-up: RSS ${r.memory.atRest.rssMiB} (${r.memory.atRest.processes} processes); peak during the load: sampled RSS ${r.memory.peak?.peakRssMiB ?? '-'}, VmHWM sum ${r.memory.peak?.hwmMiB ?? '-'}`);
	}
	if (r.browser) {
		out.push('', `## Explorer in headless chromium (${r.browser.firstIdle.n} fresh contexts; ms)`, '');
		out.push(table(['figure', 'p50', 'p95', 'max', 'n'], [['first map idle', ...lat(r.browser.firstIdle)], ['filter change (filtered page) to map idle', ...lat(r.browser.filterChange)]]));
	}
	if (r.errors?.length) out.push('', '## Steps that failed', '', ...r.errors.map((/** @type {{ step: string, error: string }} */ e) => `- ${e.step}: ${e.error}`));
	return `${out.join('\n')}\n`;
}

/** @param {BenchResults} r @param {{ jsonPath: string, markdownPath: string, jsonName: string }} paths */
export function writeResults(r, { jsonPath, markdownPath, jsonName }) {
	writeFileSync(jsonPath, `${JSON.stringify(r, null, '\t')}\n`);
	writeFileSync(markdownPath, markdown(r, jsonName));
}
