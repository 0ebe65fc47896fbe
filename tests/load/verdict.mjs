// The pass rule of a load run, and its report. A run passes when the portal answered
// every request with a status its kind may answer (no 5xx anywhere; 4xx only for the
// deliberate bad input), no request died on a socket error or timeout or went unanswered,
// and the portal was still serving afterwards.

/** @typedef {import('./types').LoadRun} LoadRun @typedef {import('./types').AfterRun} AfterRun @typedef {import('./types').Check} Check */

/**
 * The checks of one run: each { name, ok, detail }. `after` is { alive, health, first?,
 * waitedSeconds? }: whether the process lives, and its last and first /api/health status.
 * @param {LoadRun} run @param {AfterRun} after
 * @returns {Check[]}
 */
export function loadChecks(run, after) {
	const where = (/** @type {string[]} */ rows) => rows.join('; ');
	const fiveHundreds = run.perKind.filter((k) => Object.keys(k.statuses).some((s) => Number(s) >= 500));
	const unexpected = run.perKind.filter((k) => k.unexpected.length > 0);
	const lostByKind = run.perKind.filter((k) => k.lost > 0);
	const errorKinds = Object.entries(run.errorKinds).filter(([key]) => key !== 'request timed out');
	return [
		{
			name: `${run.label}: no 5xx`,
			ok: run.byClass['5xx'] === 0 && fiveHundreds.length === 0,
			detail: where(fiveHundreds.map((k) => `${k.kind}: ${statusList(k.statuses, (s) => s >= 500)}`)) || `0 of ${run.answered}`
		},
		{
			name: `${run.label}: every answer has a status its kind may answer`,
			ok: unexpected.length === 0,
			detail: where(unexpected.map((k) => `${k.kind} (expects ${k.expect.join('/')}): ${k.unexpected.map(([s, n]) => `${n}x ${s}`).join(', ')}`)) || 'all expected'
		},
		{
			name: `${run.label}: no socket errors`,
			ok: run.socketErrors === 0,
			detail: run.socketErrors === 0 ? '0' : `${run.socketErrors}: ${errorKinds.map(([k, n]) => `${n}x ${k}`).join(', ')}`
		},
		{ name: `${run.label}: no timeouts`, ok: run.timeouts === 0, detail: String(run.timeouts) },
		{
			name: `${run.label}: every request sent was answered`,
			ok: run.lost === 0,
			detail: run.lost === 0 ? '0 lost' : `${run.lost} lost: ${lostByKind.map((k) => `${k.kind} ${k.lost}`).join(', ')}`
		},
		{
			name: `${run.label}: portal still serving afterwards`,
			ok: after.alive && after.health === 200,
			detail: !after.alive
				? 'the portal process has ended'
				: after.first === undefined || after.first === after.health
					? `/api/health ${after.health}`
					: `/api/health ${after.first} at first (${after.first === 0 ? 'no answer' : 'busy'}), ${after.health} after ${(after.waitedSeconds ?? 0).toFixed(0)} s`
		}
	];
}

/** @param {Record<string, number>} statuses @param {(status: number) => boolean} keep */
function statusList(statuses, keep) {
	return Object.entries(statuses)
		.filter(([s]) => keep(Number(s)))
		.map(([s, n]) => `${n}x ${s}`)
		.join(', ');
}

const fmt = (/** @type {number | null | undefined} */ n, digits = 0) => (n === null || n === undefined ? '-' : Number(n).toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }));

/**
 * The run as plain text: totals, then one line per kind of request.
 * @param {LoadRun} run
 */
export function formatRun(run) {
	const c = run.byClass;
	const lines = [
		`${run.label}: ${fmt(run.answered)} requests answered in ${fmt(run.seconds, 1)} s at ${run.connections} connections${run.rate ? ` (capped at ${run.rate} req/s)` : ''}`,
		`  throughput ${fmt(run.requestsPerSecond, 1)} req/s, ${fmt(run.bytesPerSecond / 1024 / 1024, 2)} MiB/s; latency p50 ${fmt(run.latency.p50)} ms, p99 ${fmt(run.latency.p99)} ms, max ${fmt(run.latency.max)} ms`,
		`  2xx ${fmt(c['2xx'])}, 3xx ${fmt(c['3xx'])}, 4xx ${fmt(c['4xx'])}, 5xx ${fmt(c['5xx'])}; socket errors ${run.socketErrors}, timeouts ${run.timeouts}, lost ${run.lost} (in flight at stop: ${run.inflightAtStop})`,
		`  machine load average (1 min) ${run.loadAverage.before.toFixed(2)} before, ${run.loadAverage.after.toFixed(2)} after (2 cores, shared)`,
		'  by kind (answered, statuses, p50/p99 ms, tile cache hits, lost):'
	];
	const width = Math.max(...run.perKind.map((k) => k.kind.length));
	for (const k of run.perKind) {
		const statuses = Object.entries(k.statuses).map(([s, n]) => `${s}:${n}`).join(' ');
		lines.push(`    ${k.kind.padEnd(width)}  ${String(k.answered).padStart(7)}  ${statuses.padEnd(22)}  ${`${fmt(k.p50)}/${fmt(k.p99)}`.padStart(13)}${k.kind.startsWith('tile ') ? `  hits ${k.cacheHits}` : ''}${k.lost ? `  lost ${k.lost}` : ''}`);
	}
	const examples = run.perKind.flatMap((k) => Object.entries(k.examples).flatMap(([status, list]) => list.map((e) => `    ${status} ${e.path}\n      ${e.body.replace(/\s+/g, ' ')}`)));
	if (examples.length) lines.push('  unexpected answers (examples):', ...examples);
	return lines.join('\n');
}

/**
 * One plain line CI reads: every check counted.
 * @param {Check[]} checks
 */
export function summaryLine(checks) {
	const passed = checks.filter((c) => c.ok).length;
	return `load: ${passed} passed, ${checks.length - passed} failed`;
}

/** @param {Check[]} checks */
export function formatChecks(checks) {
	return checks.map((c) => `  ${c.ok ? 'pass' : 'FAIL'}  ${c.name} (${c.detail})`).join('\n');
}
