// One autocannon run of the traffic mix against a running portal, with every answer
// counted by kind and status, every request that got no answer counted by kind, and a
// counted progress line every few seconds.
import { loadavg } from 'node:os';
import autocannon from 'autocannon';
import { draws, pickKind } from './traffic-mix.mjs';

const EXAMPLES_PER_STATUS = 3;

function percentile(sorted, p) {
	if (sorted.length === 0) return null;
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * Runs `mix` for `seconds` on `connections` keep-alive connections (optionally capped at
 * `rate` requests per second overall) and resolves with the totals and per-kind tallies.
 * `onProgress(line)` gets a counted line every `progressSeconds`.
 */
export async function runLoad({ url, mix, seconds, connections, rate, timeoutSeconds = 10, seed = 1, label, progressSeconds = 5, onProgress = console.log }) {
	const kinds = new Map(mix.map((k) => [k.kind, { kind: k.kind, expect: k.expect, statuses: {}, examples: {}, latencies: [], lost: 0, cacheHits: 0 }]));
	const totals = { answered: 0, byClass: { '1xx': 0, '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }, lost: 0 };
	const socketErrors = {};
	let clientSeed = seed * 100_000;
	const states = [];

	function setupClient(client) {
		const d = draws(++clientSeed);
		// Each connection has one request in flight at a time (no pipelining): what it sent
		// last and whether it was answered tells which request a timeout or reset cost.
		const state = { inflight: null, answered: null };
		states.push(state);
		client.setRequests([
			{
				method: 'GET',
				setupRequest(request) {
					if (state.inflight) {
						kinds.get(state.inflight.kind).lost++;
						totals.lost++;
					}
					const kind = pickKind(d, mix);
					request.path = kind.path(d);
					state.inflight = { kind: kind.kind, path: request.path };
					return request;
				},
				onResponse(status, body, _context, headers) {
					const sent = state.inflight;
					state.inflight = null;
					if (!sent) return;
					const tally = kinds.get(sent.kind);
					tally.statuses[status] = (tally.statuses[status] ?? 0) + 1;
					const examples = (tally.examples[status] ??= []);
					if (!tally.expect.includes(status) && examples.length < EXAMPLES_PER_STATUS) {
						examples.push({ path: sent.path, body: String(body).slice(0, 240) });
					}
					if (headers['x-tile-cache'] === 'hit') tally.cacheHits++;
					totals.answered++;
					totals.byClass[`${Math.floor(status / 100)}xx`]++;
					state.answered = tally;
				}
			}
		]);
		client.on('response', (_status, _bytes, responseTime) => {
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
	instance.on('reqError', (error) => {
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

	const perKind = [...kinds.values()].map((k) => {
		const sorted = k.latencies.sort((a, b) => a - b);
		const answered = Object.values(k.statuses).reduce((a, b) => a + b, 0);
		const unexpected = Object.entries(k.statuses).filter(([status]) => !k.expect.includes(Number(status)));
		return { ...k, latencies: undefined, answered, p50: percentile(sorted, 50), p99: percentile(sorted, 99), unexpected };
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
		autocannonStatus: { '2xx': result['2xx'], '3xx': result['3xx'], '4xx': result['4xx'], '5xx': result['5xx'] },
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
