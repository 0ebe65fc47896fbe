// The realistic mix under load (the load test's own traffic mix and runner, tests/load/),
// with the portal tree's memory sampled throughout for its peak.
import { runLoad } from '../../load/run-load.mjs';
import { discoverPlaces, trafficMix } from '../../load/traffic-mix.mjs';
import { watchMemory } from './memory.mjs';

/**
 * Seconds until /api/health answers 200 within 5 s, or null after `capSeconds`.
 * @param {string} url @param {number} capSeconds
 */
async function answersAgain(url, capSeconds) {
	const started = Date.now();
	while (Date.now() - started < capSeconds * 1000) {
		try {
			if ((await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) })).ok) return Math.round((Date.now() - started) / 100) / 10;
		} catch {
			// still busy
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return null;
}

export async function benchLoad({ portal, seconds, connections, say }) {
	const places = await discoverPlaces(portal.url);
	const memory = watchMemory(portal.pid);
	const run = await runLoad({ url: portal.url, mix: trafficMix(places), seconds, connections, label: 'load', onProgress: (line) => say(`  ${line}`) });
	const mem = memory.stop();
	// The portal still works off the requests the tool abandoned (up to one per connection);
	// the next step starts once it answers again, and the wait is reported.
	const recoveredAfterSeconds = await answersAgain(portal.url, 120);
	const result = {
		seconds: run.seconds,
		connections,
		requestsPerSecond: Math.round(run.requestsPerSecond),
		p50: run.latency.p50,
		p99: run.latency.p99,
		max: run.latency.max,
		byClass: run.byClass,
		fiveHundreds: run.byClass['5xx'],
		timeouts: run.timeouts,
		socketErrors: run.socketErrors,
		lost: run.lost,
		unexpected: run.perKind.filter((k) => k.unexpected.length).map((k) => ({ kind: k.kind, unexpected: Object.fromEntries(k.unexpected) })),
		perKind: run.perKind.map((k) => ({ kind: k.kind, answered: k.answered, p50: k.p50, p99: k.p99 })),
		memory: mem,
		recoveredAfterSeconds,
		loadAverage: run.loadAverage
	};
	say(`  ${result.requestsPerSecond} req/s, p99 ${result.p99} ms, 5xx ${result.fiveHundreds}, timeouts ${result.timeouts}; peak RSS ${mem.peakRssMiB} MiB; answering again ${recoveredAfterSeconds === null ? 'not within 120 s' : `after ${recoveredAfterSeconds} s`}`);
	return result;
}
