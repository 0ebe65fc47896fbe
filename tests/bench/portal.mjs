// Starts the built portal on a free port for a benchmark (or uses BENCH_URL), on the
// embedded database in DATA_DIR (default .data, seeded on first use), or on `databaseUrl`
// and at `port` when given.
import { spawn } from 'node:child_process';
import { freePort } from '../load/portal-process.mjs';
import { ensureBuild, ensureDependencies, root } from '../../db/setup-steps.mjs';

export async function startPortal({ databaseUrl = undefined, port: chosenPort = undefined } = {}) {
	if (process.env.BENCH_URL) return { url: process.env.BENCH_URL.replace(/\/$/, ''), pid: Number(process.env.BENCH_PID) || null, stop: async () => {} };
	ensureDependencies();
	ensureBuild();
	const port = chosenPort ?? (await freePort());
	const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
	delete env.DATABASE_URL;
	if (databaseUrl) env.DATABASE_URL = databaseUrl;
	const portal = spawn(process.execPath, ['--import', 'tsx', 'db/start-portal.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
	const url = `http://127.0.0.1:${port}`;
	for (let i = 0; i < 600; i++) {
		if (portal.exitCode !== null) throw new Error('the portal exited before it was ready');
		try {
			if ((await fetch(`${url}/api/health`)).ok) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return {
		url,
		pid: portal.pid,
		stop: () => new Promise((done) => (portal.exitCode !== null ? done() : (portal.once('exit', done), portal.kill('SIGTERM'))))
	};
}

// Percentiles and progress lines live with the bench's other timing helpers.
export { percentile, progress } from './lib/measure.mjs';
