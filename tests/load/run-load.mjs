// One autocannon run of the traffic mix against a running portal, with every answer
// counted by kind and status, every request that got no answer counted by kind, and a
// counted progress line every few seconds.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { draws, pickKind } from './traffic-mix.mjs';

/**
 * @typedef {import('./types').MixKind} MixKind @typedef {import('./types').LoadRun} LoadRun
 * @typedef {import('./types').StatusClass} StatusClass
 * @typedef {{ kind: string, expect: number[], statuses: Record<string, number>, examples: Record<string, { path: string, body: string }[]>, latencies: number[], lost: number, cacheHits: number }} Tally
 * @typedef {{ inflight: { tally: Tally, path: string } | null, answered: Tally | null }} ConnectionState
 */

const EXAMPLES_PER_STATUS = 3;

/** @param {number[]} sorted @param {number} p */
function percentile(sorted, p) {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs `mix` for `seconds` on `connections` keep-alive connections (optionally capped at
 * `rate` requests per second overall) and resolves with the totals and per-kind tallies.
 * `onProgress(line)` gets a counted line every `progressSeconds`.
 * @param {{ url: string, mix: MixKind[], seconds: number, connections: number, rate?: number, timeoutSeconds?: number,
 *   seed?: number, label: string, progressSeconds?: number, onProgress?: (line: string) => void }} options
 * @returns {Promise<LoadRun>}
 */
export async function runLoad({ url, mix, seconds, connections, rate, timeoutSeconds = 10, seed = 1, label, progressSeconds = 5, onProgress = console.log }) {
	/** @type {Tally[]} */
	const tallies = mix.map((k) => ({ kind: k.kind, expect: k.expect, statuses: {}, examples: {}, latencies: [], lost: 0, cacheHits: 0 }));
	const tallyOf = new Map(mix.map((k, i) => [k, tallies[i]]));
	/** @type {{ answered: number, byClass: Record<StatusClass, number>, lost: number }} */
	const totals = { answered: 0, byClass: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, lost: 0 };
	/** @type {Record<string, number>} */
	const socketErrors = {};
	let clientSeed = seed * 100_000;
	/** @type {ConnectionState[]} */
	const states = [];

	/** autocannon calls this once per connection, before it connects. @param {any} client */
	function setupClient(client) {
		const d = draws(++clientSeed);
		// Each connection has one request in flight at a time (no pipelining): what it sent
		// last and whether it was answered tells which request a timeout or reset cost.
		/** @type {ConnectionState} */
		const state = { inflight: null, answered: null };
		states.push(state);
		client.setRequests([
			{
				method: 'GET',
				/** Called as each request is built, right before it is sent. @param {{ path: string }} request */
				setupRequest(request) {
					if (state.inflight) {
						state.inflight.tally.lost++;
						totals.lost++;
					}
					const kind = pickKind(d, mix);
					request.path = kind.path(d);
					state.inflight = { tally: /** @type {Tally} */ (tallyOf.get(kind)), path: request.path };
					return request;
				},
				/** @param {number} status @param {string} body @param {unknown} _context @param {Record<string, string>} headers */
				onResponse(status, body, _context, headers) {
					const sent = state.inflight;
					state.inflight = null;
					if (!sent) return;
					const tally = sent.tally;
					tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
					const examples = (tally.examples[status] ??= []);
					if (!tally.expect.includes(status) && examples.length < EXAMPLES_PER_STATUS) {
						examples.push({ path: sent.path, body: String(body).slice(0, 240) });
					}
					if (headers['x-tile-cache'] === 'hit') tally.cacheHits++;
					totals.answered++;
					totals.byClass[/** @type {StatusClass} */ (`${Math.floor(status / 100)}xx`)]++;
					state.answered = tally;
				}
			}
		]);
		client.on('response', (/** @type {number} */ _status, /** @type {number} */ _bytes, /** @type {number} */ responseTime) => {
			state.answered?.latencies.push(responseTime);
			state.answered = null;
		});
	}

	const instance = autocannon({
		url,
		connections,
		duration: seconds,
		timeout: timeoutSeconds,
		...(rate ? { overallRate: rate } : {}),
		// Browsers ask for gzip; the tile service answers pre-compressed bytes when asked.
		headers: { 'accept-encoding': 'gzip', 'accept-language': 'en' },
		requests: [{ method: 'GET', path: '/' }],
		setupClient
	});
	instance.on('reqError', (/** @type {NodeJS.ErrnoException} */ error) => {
		const key = error.code ?? error.message;
		socketErrors[key] = (socketErrors[key] ?? 0) + 1;
	});

	const loadBefore = loadavg()[0];
	const startedAt = Date.now();
	const ticker = setInterval(() => {
		const elapsed = Math.round((Date.now() - startedAt) / 1000);
		const c = totals.byClass;
		const errors = Object.values(socketErrors).reduce((a, b) => a + b, 0);
		onProgress(`[${label}] ${elapsed}/${seconds} s: ${totals.answered} answered (2xx ${c['2xx']}, 3xx ${c['3xx']}, 4xx ${c['4xx']}, 5xx ${c['5xx']}), errors+timeouts ${errors}, lost ${totals.lost}`);
	}, progressSeconds * 1000);
	let result;
	try {
		result = await instance;
	} finally {
		clearInterval(ticker);
	}
	// Requests still in flight when the run stopped were cut by the tool, not lost.
	const inflightAtStop = states.filter((s) => s.inflight).length;

	const perKind = tallies.map(({ latencies, ...k }) => {
		const sorted = latencies.sort((a, b) => a - b);
		const answered = Object.values(k.statuses).reduce((a, b) => a + b, 0);
		const unexpected = Object.entries(k.statuses).filter(([status]) => !k.expect.includes(Number(status)));
		return { ...k, answered, p50: percentile(sorted, 50), p99: percentile(sorted, 99), unexpected };
	});
	return {
		label,
		seconds: result.duration,
		connections,
		rate: rate ?? null,
		answered: totals.answered,
		requestsPerSecond: totals.answered / result.duration,
		bytesPerSecond: result.throughput.total / result.duration,
		latency: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
		byClass: totals.byClass,
		errors: result.errors,
		timeouts: result.timeouts,
		socketErrors: result.errors - result.timeouts,
		errorKinds: socketErrors,
		lost: totals.lost,
		inflightAtStop,
		perKind,
		// The machine's 1-minute load average: the tool, the portal and anyone else's work.
		loadAverage: { before: loadBefore, after: loadavg()[0] }
	};
}
