// Starts the built portal the way `npm start` does (db/start-portal.ts) in a process of its
// own, for tests that kill, cut or signal what is under it.
import { spawn, type ChildProcess } from 'node:child_process';
import { ensureBuild, ensurePatches, root } from '../../../db/setup-steps.mjs';

export interface Portal {
	process: ChildProcess;
	/** Where it serves; known once it has said "serving" (it listens on a port the system picks). */
	readonly url: string;
	/** Everything it wrote to stdout and stderr so far. */
	output(): string;
	/** Resolves with the exit code or signal once it has exited. */
	exited: Promise<number | string>;
	stop(): Promise<void>;
}

/** The production build and the patched client, as `npm start` would have them. */
export function preparePortal(): void {
	ensurePatches();
	ensureBuild();
}

const SERVING = /Diversion Atlas is serving at (http:\/\/\S+)/;

/**
 * Spawns the portal in its own process group (as a shell, systemd or Docker would) and
 * waits for its "serving" line, or not (`waitUntilServing: false`). PORT=0: a port chosen
 * here and released could be taken by an outgoing connection while the portal seeds.
 */
export async function startPortal(env: Record<string, string>, { waitUntilServing = true, timeoutMs = 150_000 } = {}): Promise<Portal> {
	const child = spawn(process.execPath, ['--import', 'tsx', 'db/start-portal.ts'], {
		cwd: root,
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: { ...process.env, HOST: '127.0.0.1', PORT: '0', SHUTDOWN_TIMEOUT: '30', ...env }
	});
	let output = '';
	child.stdout!.on('data', (data) => (output += data));
	child.stderr!.on('data', (data) => (output += data));
	const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
	const portal: Portal = {
		process: child,
		get url() {
			const serving = SERVING.exec(output);
			if (!serving) throw new Error(`the portal has not said where it serves yet:\n${output.slice(-2000)}`);
			return serving[1];
		},
		output: () => output,
		exited,
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) return;
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
			await exited;
			clearTimeout(timer);
		}
	};
	if (waitUntilServing) await until(() => SERVING.test(output), timeoutMs, () => `the portal did not start:\n${output}`, exited);
	return portal;
}

/** Polls `check` every 100 ms until it holds; fails with `explain()` after `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, explain: () => string, exited?: Promise<unknown>): Promise<void> {
	let gone = false;
	void exited?.then(() => (gone = true));
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (gone || Date.now() > deadline) throw new Error(explain());
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}

/** GET `path`; a refused or reset connection is reported as status 0, not thrown. */
export async function get(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: Headers }> {
	try {
		const response = await fetch(new URL(path, base), { headers, signal: AbortSignal.timeout(60_000) });
		return { status: response.status, body: await response.text(), headers: response.headers };
	} catch {
		return { status: 0, body: '', headers: new Headers() };
	}
}
