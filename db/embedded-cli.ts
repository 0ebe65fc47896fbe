// npm run db: serves the embedded PostGIS (DATA_DIR/pglite) on ATLAS_EMBEDDED_PORT (default
// 5433) for psql, QGIS or `vite dev`, until interrupted. The password is new at every start.
import { resolve } from 'node:path';
import { startEmbeddedDatabase } from './embedded.ts';

const db = await startEmbeddedDatabase(resolve(process.env.DATA_DIR ?? '.data', 'pglite'), Number(process.env.ATLAS_EMBEDDED_PORT ?? 5433));
console.log(`Embedded PostgreSQL + PostGIS on 127.0.0.1:${db.port} (Ctrl-C to stop). Connect with:
  DATABASE_URL=${db.url}
  PGPASSWORD=${db.password} psql -h 127.0.0.1 -p ${db.port} -U postgres postgres`);
const keepAlive = setInterval(() => {}, 60_000);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	process.once(signal, () => {
		clearInterval(keepAlive);
		void db.stop().then(() => process.exit(0));
	});
}
