// The soak's memory readings and its pass rule. RSS comes from /proc (what the operating
// system charges the process, caches and Buffers included); heap and Buffers come from the
// portal's own process.memoryUsage() through the preloaded probe.
import { readFileSync } from 'node:fs';

/** @typedef {import('./types').MemorySample} MemorySample @typedef {import('./types').Portal} Portal */

/**
 * VmRSS of a process in MiB, or null once it is gone.
 * @param {number} pid
 * @returns {number | null}
 */
export function rssMiB(pid) {
	try {
		const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) / 1024 : null;
	} catch {
		return null;
	}
}

/**
 * CPU seconds (user + system) a process has used, from /proc/<pid>/stat; null once gone.
 * Fields 14 and 15 count clock ticks, 100 a second on Linux (USER_HZ).
 * @param {number} pid
 * @returns {number | null}
 */
export function cpuSeconds(pid) {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name (field 2) may hold spaces: count fields after its closing parenthesis.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return (Number(fields[11]) + Number(fields[12])) / 100;
	} catch {
		return null;
	}
}

/**
 * The whole machine's CPU ticks so far, busy and total, from the first line of /proc/stat
 * (idle and iowait count as not busy): the cores are shared with other work.
 * @returns {{ busy: number, total: number }}
 */
export function machineTicks() {
	const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	const ticks = fields.slice(0, 8).map(Number);
	const total = ticks.reduce((x, y) => x + y, 0);
	return { busy: total - ticks[3] - ticks[4], total };
}

/**
 * Direct child processes (the embedded database is the portal's forked child).
 * @param {number} pid
 * @returns {number[]}
 */
export function childPids(pid) {
	try {
		return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
	} catch {
		return [];
	}
}

/**
 * One reading: seconds into the soak, portal RSS, heap, Buffers, and its children's RSS.
 * @param {Portal} portal @param {number} seconds
 * @returns {Promise<MemorySample>}
 */
export async function sample(portal, seconds) {
	const memory = await portal.heap();
	const children = /** @type {number[]} */ (childPids(portal.pid).map(rssMiB).filter((v) => v !== null));
	const mib = (/** @type {number | undefined} */ bytes) => (bytes === undefined ? null : bytes / 1024 / 1024);
	return {
		seconds,
		rss: rssMiB(portal.pid),
		heapUsed: mib(memory?.heapUsed),
		arrayBuffers: mib(memory?.arrayBuffers),
		childRss: children.length ? children.reduce((a, b) => a + b, 0) : null
	};
}

/**
 * The windows compared: the soak's second minute and its last minute. A soak shorter than
 * three minutes (for trying the tool) compares its second fifth with its last fifth.
 * @param {number} totalSeconds
 * @returns {{ early: [number, number], late: [number, number] }}
 */
export function windows(totalSeconds) {
	if (totalSeconds >= 180) return { early: [60, 120], late: [totalSeconds - 60, totalSeconds] };
	return { early: [totalSeconds / 5, (2 * totalSeconds) / 5], late: [(4 * totalSeconds) / 5, totalSeconds] };
}

const mean = (/** @type {number[]} */ values) => values.reduce((a, b) => a + b, 0) / values.length;

/**
 * Passes when the portal's mean RSS over the late window is less than 20 % above its mean
 * over the early window. Means, not single samples, so one garbage collection landing on
 * a sample neither fails nor saves the soak. No sample in a window, or a missing reading
 * (the portal died), fails: the rule cannot be checked.
 * @param {Pick<MemorySample, 'seconds' | 'rss'>[]} samples @param {number} totalSeconds
 */
export function memoryVerdict(samples, totalSeconds, limit = 0.2) {
	const { early, late } = windows(totalSeconds);
	const inWindow = (/** @type {[number, number]} */ [from, to]) => samples.filter((s) => s.seconds >= from && s.seconds <= to).map((s) => s.rss);
	const readings = { early: inWindow(early), late: inWindow(late) };
	const usable = (/** @type {(number | null)[]} */ values) => values.length > 0 && values.every((v) => v !== null && Number.isFinite(v));
	if (!usable(readings.early) || !usable(readings.late)) {
		return { ok: false, early, late, growth: null, detail: 'no RSS reading in a compared window (did the portal stop?)' };
	}
	const a = /** @type {number[]} */ (readings.early);
	const b = /** @type {number[]} */ (readings.late);
	const growth = mean(b) / mean(a) - 1;
	const detail = `RSS ${mean(a).toFixed(1)} MiB (s ${early[0]}-${early[1]}) -> ${mean(b).toFixed(1)} MiB (s ${late[0]}-${late[1]}): ${(growth * 100).toFixed(1)} % (limit < ${limit * 100} %)`;
	// Compared as a ratio of means, not as growth < limit: 120 / 100 - 1 is 0.1999... in floating point.
	return { ok: mean(b) < mean(a) * (1 + limit), early, late, growth, detail };
}

/**
 * The memory curve as a plain table.
 * @param {MemorySample[]} samples
 */
export function memoryTable(samples) {
	const cell = (/** @type {number | null | undefined} */ v) => (v === null || v === undefined ? '-' : v.toFixed(1));
	const rows = [['s', 'portal RSS MiB', 'heap used MiB', 'Buffers MiB', 'db child RSS MiB']];
	for (const s of samples) rows.push([String(s.seconds), cell(s.rss), cell(s.heapUsed), cell(s.arrayBuffers), cell(s.childRss)]);
	const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
	return rows.map((r) => r.map((c, i) => c.padStart(widths[i])).join('  ')).join('\n');
}
