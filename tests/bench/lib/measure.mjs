// Timing helpers shared by the benchmarks: percentiles, counted progress lines, one timed
// GET, and a latency summary.

/** Browsers ask for gzip; the portal answers pre-compressed bytes when asked. */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip', 'accept-language': 'en' };

/**
 * The nearest-rank percentile.
 * @param {number[]} values @param {number} p
 */
export function percentile(values, p) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * A counted progress line: rewritten in place on a terminal, every tenth step otherwise.
 * @param {string} label @param {number} done @param {number} total
 */
export function progress(label, done, total) {
	if (process.stdout.isTTY) process.stdout.write(`\r${label}: ${done}/${total}${done === total ? '\n' : ''}`);
	else if (done === total || done % Math.ceil(total / 10) === 0) console.log(`${label}: ${done}/${total}`);
}

/**
 * One GET, timed from sending to the last byte of the body.
 * @param {string} url @param {Record<string, string>} [headers]
 */
export async function timedGet(url, headers = BROWSER_HEADERS) {
	const started = performance.now();
	const response = await fetch(url, { headers });
	const body = new Uint8Array(await response.arrayBuffer());
	return { ms: performance.now() - started, status: response.status, headers: response.headers, body };
}

/**
 * GET that must answer one of `ok` statuses; throws naming the path otherwise.
 * @param {string} url @param {number[]} [ok] @param {Record<string, string>} [headers]
 */
export async function timedGetOk(url, ok = [200, 204], headers = BROWSER_HEADERS) {
	const answer = await timedGet(url, headers);
	if (!ok.includes(answer.status)) throw new Error(`${url}: HTTP ${answer.status} ${new TextDecoder().decode(answer.body).slice(0, 200)}`);
	return answer;
}

/** @typedef {{ n: number, p50: number, p95: number, p99: number, max: number }} Latency */

/**
 * n, p50, p95, p99, max (ms, one decimal) of a list of times; null for an empty list.
 * @param {number[]} values
 * @returns {Latency | null}
 */
export function summarise(values) {
	if (values.length === 0) return null;
	const round = (/** @type {number} */ v) => Math.round(v * 10) / 10;
	return { n: values.length, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)), max: round(Math.max(...values)) };
}

/** @param {number[]} values */
export const median = (values) => (values.length ? percentile(values, 50) : null);

/** @param {number} ms */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
