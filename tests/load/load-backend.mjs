// A load test of one back end, start to finish: start the portal on it, read real places
// from it, run the full load, optionally soak at moderate load while charting memory,
// stop the portal, and return the checks with a plain-text report.
import { childPids, cpuSeconds, machineTicks, memoryTable, memoryVerdict, sample } from './memory.mjs';
import { portalErrors, startPortal } from './portal-process.mjs';
import { runLoad } from './run-load.mjs';
import { discoverPlaces, trafficMix } from './traffic-mix.mjs';
import { formatRun, loadChecks } from './verdict.mjs';

const SAMPLE_SECONDS = 10;

async function healthStatus(url) {
	try {
		return (await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(10_000) })).status;
	} catch {
		return 0;
	}
}

/**
 * Whether the portal serves again after a run: its process alive and /api/health 200 within
 * 30 s. Not at once: the portal still works off the requests the tool abandoned when it
 * stopped (up to one per connection), and health waits behind them. The first answer and
 * the wait are reported.
 */
async function afterRun(portal) {
	const started = Date.now();
	const first = portal.alive() ? await healthStatus(portal.url) : 0;
	let health = first;
	while (health !== 200 && portal.alive() && Date.now() - started < 30_000) {
		await new Promise((r) => setTimeout(r, 1000));
		health = await healthStatus(portal.url);
	}
	return { alive: portal.alive(), health, first, waitedSeconds: (Date.now() - started) / 1000 };
}

/** Samples memory every 10 s from the start of the soak until `stopped()` says it is over. */
async function sampleMemory(portal, totalSeconds, say) {
	const samples = [];
	const started = Date.now();
	for (let t = 0; t <= totalSeconds; t += SAMPLE_SECONDS) {
		const wait = started + t * 1000 - Date.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		const s = await sample(portal, t);
		samples.push(s);
		say(`[${portal.name} soak] memory at ${t} s: portal RSS ${s.rss?.toFixed(1) ?? '-'} MiB, heap ${s.heapUsed?.toFixed(1) ?? '-'} MiB, Buffers ${s.arrayBuffers?.toFixed(1) ?? '-'} MiB`);
	}
	return samples;
}

/** CPU seconds so far of the portal and of its children (the embedded database). */
function cpuNow(portal) {
	const children = childPids(portal.pid).map(cpuSeconds).filter((v) => v !== null);
	return { portal: cpuSeconds(portal.pid) ?? 0, children: children.reduce((a, b) => a + b, 0), machine: machineTicks() };
}

/**
 * `backend`: { name, databaseUrl? , dataDir? }; `options`: { seconds, connections,
 * timeoutSeconds (default 10), soakSeconds (0: no soak), soakConnections, soakRate, logDir, say }.
 */
export async function loadBackend(backend, options) {
	const { say = console.log } = options;
	const report = [];
	const checks = [];
	let portal;
	try {
		portal = await startPortal(backend, { logDir: options.logDir });
	} catch (error) {
		checks.push({ name: `${backend.name}: portal starts and answers /api/health`, ok: false, detail: String(error.message ?? error) });
		return { checks, report: report.join('\n') };
	}
	checks.push({ name: `${backend.name}: portal starts and answers /api/health`, ok: true, detail: `${portal.startSeconds.toFixed(1)} s, pid ${portal.pid}` });
	say(`[${backend.name}] portal serving at ${portal.url} (pid ${portal.pid}, healthy after ${portal.startSeconds.toFixed(1)} s); log: ${portal.logPath}`);
	try {
		const places = await discoverPlaces(portal.url);
		const mix = trafficMix(places);
		say(`[${backend.name}] aiming at ${places.centres.length} recovery sites and ${places.items.length} public items`);

		const phases = [{ label: backend.name, seconds: options.seconds, connections: options.connections }];
		if (options.soakSeconds > 0) {
			phases.push({ label: `${backend.name} soak`, seconds: options.soakSeconds, connections: options.soakConnections, rate: options.soakRate, soak: true });
		}
		for (const phase of phases) {
			const logBefore = portal.log().length;
			say(`[${phase.label}] ${phase.seconds} s at ${phase.connections} connections${phase.rate ? `, capped at ${phase.rate} req/s` : ''}`);
			const memory = phase.soak ? sampleMemory(portal, phase.seconds, say) : null;
			const cpuBefore = cpuNow(portal);
			const run = await runLoad({ url: portal.url, mix, seconds: phase.seconds, connections: phase.connections, rate: phase.rate, timeoutSeconds: options.timeoutSeconds, label: phase.label, onProgress: say });
			const cpuAfter = cpuNow(portal);
			const after = await afterRun(portal);
			const runChecks = loadChecks(run, after);
			report.push(formatRun(run));
			const share = (key) => `${((cpuAfter[key] - cpuBefore[key]) / run.seconds).toFixed(2)} cores`;
			const machine = cpuAfter.machine.total > cpuBefore.machine.total ? (cpuAfter.machine.busy - cpuBefore.machine.busy) / (cpuAfter.machine.total - cpuBefore.machine.total) : 0;
			report.push(`  CPU during the run: portal process ${share('portal')}${backend.databaseUrl ? '' : `, embedded database ${share('children')}`}; the machine's cores ${(machine * 100).toFixed(0)} % busy (everyone's work)`);
			if (memory) {
				const samples = await memory;
				const verdict = memoryVerdict(samples, phase.seconds);
				runChecks.push({ name: `${phase.label}: portal memory grows less than 20 %`, ok: verdict.ok, detail: verdict.detail });
				report.push(`  memory curve (every ${SAMPLE_SECONDS} s; the rule compares portal RSS):\n${memoryTable(samples).replace(/^/gm, '    ')}`);
			}
			const errors = portalErrors(portal.log().slice(logBefore));
			if (errors.length) {
				const total = errors.reduce((sum, [, n]) => sum + n, 0);
				report.push(`  the portal logged ${total} errors during this run (and the wait after it), by kind:`, ...errors.slice(0, 10).map(([line, n]) => `    ${n}x ${line}`));
			}
			checks.push(...runChecks);
			if (!after.alive) {
				report.push(`  the portal ended during the run (${portal.exitDescription()}); later phases skipped`);
				break;
			}
		}
	} catch (error) {
		checks.push({ name: `${backend.name}: load run completes`, ok: false, detail: String(error.message ?? error) });
	} finally {
		const { forced } = await portal.stop();
		if (forced) report.push(`  note: the portal group had to be killed (SIGKILL) 20 s after SIGTERM`);
	}
	return { checks, report: report.join('\n') };
}
