// Timing helpers shared by the bench steps: one timed GET, and a latency summary.
import { percentile } from '../portal.mjs';

/** Browsers ask for gzip; the portal answers pre-compressed bytes when asked. */
export const BROWSER_HEADERS = { 'accept-encoding': 'gzip', 'accept-language': 'en' };

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

/** GET that must answer one of `ok` statuses; throws naming the path otherwise. */
export async function timedGetOk(url, ok = [200, 204], headers = BROWSER_HEADERS) {
	const answer = await timedGet(url, headers);
	if (!ok.includes(answer.status)) throw new Error(`${url}: HTTP ${answer.status} ${new TextDecoder().decode(answer.body).slice(0, 200)}`);
	return answer;
}

/** n, p50, p95, p99, max (ms, one decimal) of a list of times; null for an empty list. */
export function summarise(values) {
	if (values.length === 0) return null;
	const round = (v) => Math.round(v * 10) / 10;
	return { n: values.length, p50: round(percentile(values, 50)), p95: round(percentile(values, 95)), p99: round(percentile(values, 99)), max: round(Math.max(...values)) };
}

export const median = (values) => (values.length ? percentile(values, 50) : null);

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** "p50 12.3 ms, p95 40.1 ms (n 300)" */
export function showLatency(s) {
	return s ? `p50 ${s.p50} ms, p95 ${s.p95} ms, max ${s.max} ms (n ${s.n})` : 'no samples';
}
