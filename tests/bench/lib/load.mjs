// The realistic mix under load (the load test's own traffic mix and runner, tests/load/),
// with the portal tree's memory sampled throughout for its peak.
import { runLoad } from '../../load/run-load.mjs';
import { discoverPlaces, trafficMix } from '../../load/traffic-mix.mjs';
import { watchMemory } from './memory.mjs';

export async function benchLoad({ portal, seconds, connections, say }) {
	const places = await discoverPlaces(portal.url);
	const memory = watchMemory(portal.pid);
	const run = await runLoad({ url: portal.url, mix: trafficMix(places), seconds, connections, label: 'load', onProgress: (line) => say(`  ${line}`) });
	const mem = memory.stop();
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
		loadAverage: run.loadAverage
	};
	say(`  ${result.requestsPerSecond} req/s, p99 ${result.p99} ms, 5xx ${result.fiveHundreds}, timeouts ${result.timeouts}; peak RSS ${mem.peakRssMiB} MiB`);
	return result;
}
