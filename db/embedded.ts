import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EmbeddedDatabase {
	url: string;
	port: number;
	stop(): Promise<void>;
}

const serverScript = fileURLToPath(new URL('./embedded-server.ts', import.meta.url));

/** Starts PGlite + PostGIS in a child process and resolves once it accepts connections. */
export function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
	const child: ChildProcess = fork(serverScript, [], {
		execArgv: ['--import', 'tsx'],
		env: { ...process.env, ATLAS_EMBEDDED_DIR: dataDir, ATLAS_EMBEDDED_PORT: String(port) },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const stopChild = () => child.kill('SIGTERM');
	process.once('exit', stopChild);
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.once('exit', (code) => reject(new Error(`embedded database exited with code ${code}`)));
		child.once('message', (message: { ready?: boolean; port?: number }) => {
			if (!message?.ready || !message.port) return reject(new Error('embedded database sent no port'));
			child.removeAllListeners('exit');
			// The child must not keep this process alive: when we exit it is told (exit handler,
			// or its IPC channel closing) and closes the database cleanly itself.
			child.unref();
			child.channel?.unref();
			resolve({
				port: message.port,
				url: `postgres://postgres:postgres@127.0.0.1:${message.port}/postgres`,
				stop: () =>
					new Promise((done) => {
						process.off('exit', stopChild);
						if (child.exitCode !== null) return done();
						child.once('exit', () => done());
						child.kill('SIGTERM');
					})
			});
		});
	});
}
