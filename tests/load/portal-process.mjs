// Starts the built portal for a load run on one back end: the embedded PostGIS (files under
// DATA_DIR) or a native one (DATABASE_URL), seeded by the portal itself when empty. The
// portal runs in its own process group, so stopping it also stops its database child, and
// its log goes to a file the report can quote from.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureBuild, ensureDependencies, root } from '../../db/setup-steps.mjs';

const heapProbe = new URL('./heap-probe.mjs', import.meta.url).pathname;

/**
 * A free loopback port in the project's range for test servers (25000-25999): below the
 * system's ephemeral range (32768-60999), so no outgoing connection takes it between this
 * check and the portal's listen, which can be a minute of seeding later.
 */
export async function freePort(from = 25000 + Math.floor(Math.random() * 900)) {
	for (let port = from; port < 26000; port++) {
		const free = await new Promise((resolve) => {
			const server = createServer().once('error', () => resolve(false));
			server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
		});
		if (free) return port;
	}
	throw new Error('no free port in 25000-25999');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds when the build is missing or older than the sources, then starts the portal and
 * resolves once /api/health answers 200. `backend` is { name, databaseUrl?, dataDir? };
 * `env` adds variables for the portal alone (the bench's ATLAS_SQL_TRACE), `port` picks its port.
 */
export async function startPortal(backend, { logDir, healthSeconds = 300, env: extraEnv = {}, port: chosenPort } = {}) {
	ensureDependencies();
	ensureBuild();
	const port = chosenPort ?? (await freePort());
	const env = { ...process.env, ...extraEnv, PORT: String(port), HOST: '127.0.0.1' };
	delete env.DATABASE_URL;
	if (backend.databaseUrl) env.DATABASE_URL = backend.databaseUrl;
	else env.DATA_DIR = backend.dataDir ?? env.DATA_DIR ?? '.data';

	const logPath = join(logDir, `portal-${backend.name}.log`);
	const log = createWriteStream(logPath);
	// start-portal.ts serves in this very process (db/serve-portal.ts), so its pid is
	// the web server's; the embedded database is its forked child.
	const child = spawn(process.execPath, ['--import', 'tsx', '--import', heapProbe, 'db/start-portal.ts'], {
		cwd: root,
		env,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const killGroup = () => {
		try {
			process.kill(-child.pid, 'SIGKILL');
		} catch {
			// already gone
		}
	};
	process.once('exit', killGroup);

	const url = `http://127.0.0.1:${port}`;
	const started = Date.now();
	let healthy = false;
	while (!healthy && Date.now() - started < healthSeconds * 1000) {
		if (child.exitCode !== null || child.signalCode !== null) break;
		try {
			healthy = (await fetch(`${url}/api/health`)).ok;
		} catch {
			// not listening yet
		}
		if (!healthy) await sleep(500);
	}

	const portal = {
		name: backend.name,
		url,
		pid: child.pid,
		logPath,
		startSeconds: (Date.now() - started) / 1000,
		alive: () => child.exitCode === null && child.signalCode === null,
		exitDescription: () => (child.exitCode !== null ? `exit code ${child.exitCode}` : `signal ${child.signalCode}`),
		/** process.memoryUsage() of the portal, via the preloaded probe; null if it cannot answer. */
		heap: () =>
			new Promise((resolve) => {
				if (!child.connected) return resolve(null);
				const timer = setTimeout(() => (child.off('message', onMessage), resolve(null)), 2000);
				const onMessage = (message) => {
					if (!message?.memory) return;
					clearTimeout(timer);
					child.off('message', onMessage);
					resolve(message.memory);
				};
				child.on('message', onMessage);
				child.send('memory');
			}),
		log: () => readFileSync(logPath, 'utf8'),
		/** SIGTERM to the group (portal and database), SIGKILL if anything is left after 20 s. */
		async stop() {
			process.off('exit', killGroup);
			const groupAlive = () => {
				try {
					process.kill(-child.pid, 0);
					return true;
				} catch {
					return false;
				}
			};
			try {
				process.kill(-child.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			for (let i = 0; i < 80 && groupAlive(); i++) await sleep(250);
			const forced = groupAlive();
			if (forced) killGroup();
			await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)));
			log.end();
			return { forced };
		}
	};
	if (!healthy) {
		const reason = portal.alive() ? `no healthy /api/health within ${healthSeconds} s` : `it ended (${portal.exitDescription()})`;
		await portal.stop();
		throw new Error(`the ${backend.name} portal did not start: ${reason}; log: ${logPath}\n${tail(portal.log(), 15)}`);
	}
	return portal;
}

export function tail(text, lines) {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * The errors the portal logged, grouped and counted, most frequent first: its JSON failure
 * lines by route, status and message (each has its own id and time), other error lines
 * (an uncaught error, a stack's first line) as they are.
 */
export function portalErrors(logText) {
	const groups = new Map();
	for (const line of logText.split('\n')) {
		let key = null;
		if (line.startsWith('{') && line.includes('"level":"error"')) {
			try {
				const entry = JSON.parse(line);
				key = `${entry.route ?? entry.path} ${entry.status}: ${entry.error?.name}: ${entry.error?.message ?? entry.error?.value}`;
			} catch {
				key = line.slice(0, 300);
			}
		} else if (/\bError\b|uncaught|unhandled|ECONN|FATAL/i.test(line) && !/^\s+at /.test(line)) {
			key = line.trim().slice(0, 300);
		}
		if (key) groups.set(key, (groups.get(key) ?? 0) + 1);
	}
	return [...groups.entries()].sort((a, b) => b[1] - a[1]);
}
