// The embedded PostgreSQL + PostGIS, run in its own process: PGlite executes WASM on the
// thread that calls it, so inside the web server one slow query would stall every request.
// It is started and supervised by db/embedded.ts, in a process group of its own, and it
// ignores SIGTERM and SIGINT: Ctrl-C signals the terminal's process group, systemd signals
// every process of the service's cgroup at once, and either would stop the database while
// the portal is still answering requests. It stops when the portal tells it to (after its
// pool has closed), or when the portal is gone (its IPC channel closes).
import { mkdirSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { DEFAULT_MAINTENANCE, keepVacuumed } from './embedded-maintenance.ts';
import { fatalError, passwordGate } from './embedded-password-gate.ts';
import { SessionQueue } from './embedded-session-queue.ts';

// Ignored on purpose, see the top, from the first moment (a restart may be signalled while
// it opens the data): the parent says when to stop (db/embedded.ts, `stop`).
process.on('SIGTERM', () => {});
process.on('SIGINT', () => {});

const dataDir = process.env.ATLAS_EMBEDDED_DIR;
const port = Number(process.env.ATLAS_EMBEDDED_PORT ?? 0);
const password = process.env.ATLAS_EMBEDDED_PASSWORD;
const idleTimeoutMs = Number(process.env.ATLAS_EMBEDDED_IDLE_TIMEOUT_MS ?? 10_000);
// JSON of MaintenanceOptions (embedded-maintenance.ts), for tests that cannot wait 30 s.
const maintenance = { ...DEFAULT_MAINTENANCE, ...JSON.parse(process.env.ATLAS_EMBEDDED_MAINTENANCE ?? '{}') };
if (!dataDir) throw new Error('ATLAS_EMBEDDED_DIR is not set');
if (!password) throw new Error('ATLAS_EMBEDDED_PASSWORD is not set');
mkdirSync(dataDir, { recursive: true });

const db = await PGlite.create({ dataDir, extensions: { postgis } });
await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');

// A pool of postgres.js connections shares the one PGlite session. pglite-socket's handler
// speaks the wire protocol per connection; our SessionQueue decides whose turn it is
// (PGLiteSocketServer would use its own queue, which lets batches interleave).
const MAX_CONNECTIONS = 16;
const sockets = new Map<number, Socket>();
const queue = new SessionQueue(db, {
	idleTimeoutMs,
	// What PostgreSQL's idle_in_transaction_session_timeout sends, then the socket is closed.
	onIdleTimeout: (handlerId) => {
		const socket = sockets.get(handlerId);
		if (socket?.writable) socket.end(fatalError('25P03', 'terminating connection due to idle-in-transaction timeout'));
		socket?.destroy();
	}
});
const vacuuming = keepVacuumed(db, queue, maintenance);
const handlers = new Set<PGLiteSocketHandler>();
const server = createServer(async (socket) => {
	socket.on('error', () => {});
	if (handlers.size >= MAX_CONNECTIONS) return void socket.end(fatalError('53300', 'sorry, too many clients already'));
	if (!(await passwordGate(socket, password))) return;
	const handler = new PGLiteSocketHandler({ queryQueue: queue as unknown as PGLiteSocketHandlerOptions['queryQueue'], closeOnDetach: true });
	handlers.add(handler);
	sockets.set(handler.handlerId, socket);
	const forget = () => {
		handlers.delete(handler);
		sockets.delete(handler.handlerId);
	};
	handler.addEventListener('close', forget);
	handler.addEventListener('error', forget);
	handler.attach(socket).catch(() => {
		forget();
		socket.destroy();
	});
	socket.resume();
});
await new Promise<void>((listening, failed) => server.once('error', failed).listen(port, '127.0.0.1', () => listening()));
const address = server.address();
const boundPort = typeof address === 'object' && address ? address.port : port;

process.send?.({ ready: true, port: boundPort });

let stopping = false;
async function shutdown() {
	if (stopping) return;
	stopping = true;
	for (const handler of handlers) await handler.detach(true).catch(() => {});
	// After the connections: a VACUUM queued behind one's transaction runs once it is ended.
	await vacuuming.stop();
	await new Promise((closed) => server.close(closed));
	await db.close().catch(() => {});
	process.exit(0);
}
process.on('message', (message: { stop?: boolean }) => {
	if (message?.stop) void shutdown();
});
// The parent went away without stopping us (killed with SIGKILL): close cleanly.
process.on('disconnect', shutdown);
