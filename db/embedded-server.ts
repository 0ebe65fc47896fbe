// The embedded PostgreSQL + PostGIS, run in its own process: PGlite executes WASM on the
// thread that calls it, so inside the web server one slow query would stall every request.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { postgis } from '@electric-sql/pglite-postgis';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const dataDir = process.env.ATLAS_EMBEDDED_DIR;
const port = Number(process.env.ATLAS_EMBEDDED_PORT ?? 0);
if (!dataDir) throw new Error('ATLAS_EMBEDDED_DIR is not set');
mkdirSync(dataDir, { recursive: true });

const db = await PGlite.create({ dataDir, extensions: { postgis } });
await db.exec('CREATE EXTENSION IF NOT EXISTS postgis');
// A pool of postgres.js connections shares the one PGlite session through the multiplexer.
const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port, maxConnections: 16 });
await server.start();
const boundPort = Number(server.getServerConn().split(':').pop());

process.send?.({ ready: true, port: boundPort });

async function shutdown() {
	await server.stop().catch(() => {});
	await db.close().catch(() => {});
	process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
process.on('disconnect', shutdown);
