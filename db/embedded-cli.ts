// npm run db: serves the embedded PostGIS (DATA_DIR/pglite) on ATLAS_EMBEDDED_PORT (default
// 5433) for psql, QGIS or `vite dev`, until interrupted.
import { resolve } from 'node:path';
import { startEmbeddedDatabase } from './embedded.ts';

const db = await startEmbeddedDatabase(resolve(process.env.DATA_DIR ?? '.data', 'pglite'), Number(process.env.ATLAS_EMBEDDED_PORT ?? 5433));
console.log(`Embedded PostgreSQL + PostGIS at ${db.url} (Ctrl-C to stop)`);
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		clearInterval(keepAlive);
		void db.stop().then(() => process.exit(0));
	});
}
