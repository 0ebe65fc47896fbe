import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { MaintenanceOptions } from './embedded-maintenance.ts';

export interface EmbeddedDatabase {
	/** postgres:// URL with the secret of this start; stays valid across restarts. */
	url: string;
	port: number;
	password: string;
	/** The database process now (it changes when the supervisor restarts it). */
	pid(): number | undefined;
	/** How many times the supervisor has restarted it. */
	restarts(): number;
	stop(): Promise<void>;
}

export interface EmbeddedOptions {
	/** Seconds a connection may hold the one session idle (see embedded-session-queue.ts). */
	idleTimeoutMs?: number;
	/** When to VACUUM and ANALYZE (embedded-maintenance.ts); its defaults otherwise. */
	maintenance?: Partial<MaintenanceOptions>;
}

const serverScript = fileURLToPath(new URL('./embedded-server.ts', import.meta.url));
// Restart delays after unexpected exits in a row: quick for a one-off crash, slower for a
// database that keeps failing to start (a full disk, a port taken by someone else).
const restartDelaysMs = [250, 1_000, 2_000, 5_000, 10_000];
const stopDeadlineMs = 15_000;

const say = (text: string) => console.error(`[db] ${text}`);

/**
 * Starts PGlite + PostGIS in a supervised child process and resolves once it accepts
 * connections. The child listens on loopback only and asks for a secret made for this
 * start. When it dies it is started again on the same data directory and the same port, so
 * the URL (and every pool built on it) stays valid; one line is logged per restart.
 */
export async function startEmbeddedDatabase(dataDir: string, port = 0, options: EmbeddedOptions = {}): Promise<EmbeddedDatabase> {
	const password = randomBytes(24).toString('base64url');
	const env = (listenOn: number) => ({
		...process.env,
		ATLAS_EMBEDDED_DIR: dataDir,
		ATLAS_EMBEDDED_PORT: String(listenOn),
		ATLAS_EMBEDDED_PASSWORD: password,
		...(options.idleTimeoutMs === undefined ? {} : { ATLAS_EMBEDDED_IDLE_TIMEOUT_MS: String(options.idleTimeoutMs) }),
		...(options.maintenance === undefined ? {} : { ATLAS_EMBEDDED_MAINTENANCE: JSON.stringify(options.maintenance) })
	});
	let child: ChildProcess | undefined;
	let stopping = false;
	let restarts = 0;
	let failuresInARow = 0;

	// One child: resolves with its port once it is ready, rejects when it exits before.
	const launch = (listenOn: number) =>
		new Promise<number>((ready, failed) => {
			const started = fork(serverScript, [], {
				execArgv: ['--import', 'tsx'],
				env: env(listenOn),
				stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
				// Its own process group: a signal to ours (Ctrl-C, systemd, docker stop) must not
				// stop the database before our in-flight requests are answered and the pool closed.
				detached: true
			});
			child = started;
			started.once('error', failed);
			started.once('exit', (code, signal) => failed(new Error(`embedded database exited (${signal ?? `code ${code}`}) before it was ready`)));
			started.once('message', (message: { ready?: boolean; port?: number }) => {
				if (!message?.ready || !message.port) return failed(new Error('embedded database sent no port'));
				started.removeAllListeners('exit');
				started.removeAllListeners('error');
				// The child must not keep this process alive: when we exit, its IPC channel
				// closes and it closes the database cleanly itself.
				started.unref();
				started.channel?.unref();
				started.once('exit', (code, signal) => void supervise(started, code, signal));
				ready(message.port);
			});
		});

	const boundPort = await launch(port);

	async function supervise(died: ChildProcess, code: number | null, signal: NodeJS.Signals | null): Promise<void> {
		if (stopping || died !== child) return;
		while (!stopping) {
			restarts++;
			const delay = restartDelaysMs[Math.min(failuresInARow, restartDelaysMs.length - 1)]!;
			say(`embedded database exited (${signal ?? `code ${code}`}); restarting it on port ${boundPort} in ${delay} ms (restart ${restarts})`);
			await new Promise((resolve) => setTimeout(resolve, delay).unref());
			if (stopping) return;
			try {
				await launch(boundPort);
				failuresInARow = 0;
				say(`embedded database is back on port ${boundPort} (restart ${restarts})`);
				return;
			} catch (error) {
				failuresInARow++;
				code = null;
				signal = null;
				say(`embedded database restart ${restarts} failed: ${error instanceof Error ? error.message : error}`);
			}
		}
	}

	return {
		port: boundPort,
		password,
		url: `postgres://postgres:${password}@127.0.0.1:${boundPort}/postgres`,
		pid: () => child?.pid,
		restarts: () => restarts,
		stop: () =>
			new Promise((done) => {
				stopping = true;
				const current = child;
				if (!current || current.exitCode !== null || current.signalCode !== null) return done();
				const force = setTimeout(() => current.kill('SIGKILL'), stopDeadlineMs);
				current.once('exit', () => {
					clearTimeout(force);
					done();
				});
				// It ignores signals (see embedded-server.ts): asked over IPC, or, with the
				// channel already gone, it is stopping by itself.
				if (current.connected) current.send({ stop: true });
			})
	};
}
