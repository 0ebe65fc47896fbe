// Cached throughput: autocannon on tiles already in the portal's cache, then on a bare
// node:http server (bare-server.mjs) answering the same paths with the same status, headers
// and bytes, in the same run; req/s, p99 and the portal's share of the bare server's rate.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '../../load/portal-process.mjs';
import { BROWSER_HEADERS, timedGetOk } from './measure.mjs';

// Hop-by-hop and per-answer headers the bare server leaves to node:http.
const NOT_COPIED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length']);

async function record(url, paths) {
	const answers = {};
	for (const path of paths) {
		await timedGetOk(url + path); // into the cache
		const answer = await timedGetOk(url + path);
		const headers = {};
		answer.headers.forEach((value, key) => NOT_COPIED.has(key) || (headers[key] = value));
		answers[path] = { status: answer.status, headers, body: Buffer.from(answer.body).toString('base64'), cache: answer.headers.get('x-tile-cache') };
	}
	return answers;
}

function cannon(url, paths, { connections, seconds }) {
	return new Promise((resolve, reject) => {
		const instance = autocannon(
			{ url, connections, duration: seconds, headers: BROWSER_HEADERS, requests: paths.map((path) => ({ method: 'GET', path })) },
			(error, result) => (error ? reject(error) : resolve(result))
		);
		autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
	});
}

const figures = (r) => ({
	requestsPerSecond: Math.round(r.requests.total / r.duration),
	p50: r.latency.p50,
	p99: r.latency.p99,
	max: r.latency.max,
	non2xx: r.non2xx,
	errors: r.errors,
	timeouts: r.timeouts
});

async function startBare(answers, dir) {
	const file = join(dir, 'bare-answers.json');
	writeFileSync(file, JSON.stringify(answers));
	const port = await freePort();
	const child = spawn(process.execPath, [new URL('./bare-server.mjs', import.meta.url).pathname, file, String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
	await new Promise((resolve, reject) => {
		child.stdout.once('data', resolve);
		child.once('exit', (code) => reject(new Error(`the bare server ended (code ${code})`)));
	});
	return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((r) => (child.once('exit', r), child.kill('SIGTERM'))) };
}

/**
 * `sets`: { name: paths[] } (one tile; a mix of tiles). For each: the portal, then the bare
 * server, `seconds` each at `connections`.
 */
export async function benchCached({ url, sets, connections, seconds, workDir, say }) {
	const results = {};
	let step = 0;
	const total = Object.keys(sets).length * 2;
	for (const [name, paths] of Object.entries(sets)) {
		const answers = await record(url, paths);
		const hits = Object.values(answers).filter((a) => a.cache === 'hit').length;
		const bare = await startBare(answers, workDir);
		try {
			say(`  [${++step}/${total}] ${name}: portal, ${seconds} s at ${connections} connections`);
			const portal = figures(await cannon(url, paths, { connections, seconds }));
			say(`  [${++step}/${total}] ${name}: bare node:http, same bytes and headers`);
			const yardstick = figures(await cannon(bare.url, paths, { connections, seconds }));
			results[name] = {
				paths: paths.length,
				cacheHitsBeforeRun: hits,
				portal,
				bare: yardstick,
				shareOfBare: Math.round((portal.requestsPerSecond / yardstick.requestsPerSecond) * 1000) / 1000
			};
			say(`    portal ${portal.requestsPerSecond}/s (p99 ${portal.p99} ms), bare ${yardstick.requestsPerSecond}/s (p99 ${yardstick.p99} ms): ${(results[name].shareOfBare * 100).toFixed(0)} %`);
		} finally {
			await bare.stop();
		}
	}
	return results;
}
