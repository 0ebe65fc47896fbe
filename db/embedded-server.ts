// The embedded PostgreSQL + PostGIS, run in its own process: PGlite executes WASM on the
// thread that calls it, so inside the web server one slow query would stall every request.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketHandler, type PGLiteSocketHandlerOptions } from '@electric-sql/pglite-socket';
import { SessionQueue } from './embedded-session-queue.ts';

const dataDir = process.env.ATLAS_EMBEDDED_DIR;
const port = Number(process.env.ATLAS_EMBEDDED_PORT ?? 0);
if (!dataDir) throw new Error('ATLAS_EMBEDDED_DIR is not set');
mkdirSync(dataDir, { recursive: true });

const db = await PGlite.create({ dataDir, extensions: { postgis } });
await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');

// A pool of postgres.js connections shares the one PGlite session. pglite-socket's handler
// speaks the wire protocol per connection; our SessionQueue decides whose turn it is
// (PGLiteSocketServer would use its own queue, which lets batches interleave).
const MAX_CONNECTIONS = 16;
const queue = new SessionQueue(db);
const handlers = new Set<PGLiteSocketHandler>();
const server = createServer((socket) => {
	if (handlers.size >= MAX_CONNECTIONS) return void socket.end();
	const handler = new PGLiteSocketHandler({ queryQueue: queue as unknown as PGLiteSocketHandlerOptions['queryQueue'], closeOnDetach: true });
	handlers.add(handler);
	handler.addEventListener('close', () => handlers.delete(handler));
	handler.addEventListener('error', () => handlers.delete(handler));
	handler.attach(socket).catch(() => {
		handlers.delete(handler);
		socket.destroy();
	});
});
await new Promise<void>((listening, failed) => server.once('error', failed).listen(port, '127.0.0.1', () => listening()));
const address = server.address();
const boundPort = typeof address === 'object' && address ? address.port : port;

process.send?.({ ready: true, port: boundPort });

async function shutdown() {
	for (const handler of handlers) await handler.detach(true).catch(() => {});
	await new Promise((closed) => server.close(closed));
	await db.close().catch(() => {});
	process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
