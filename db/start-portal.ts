// Opens the database (embedded PostGIS under DATA_DIR, or DATABASE_URL), waits for it to
// answer, migrates and seeds it when empty, then serves the built portal in this process.
// On SIGTERM/SIGINT (to us or to our whole process group) adapter-node stops accepting and
// lets in-flight requests finish, the app closes its pool (hooks.server.ts), and only then
// is the embedded database stopped.
import { connect } from './connect.ts';
import { openDatabase } from './database.ts';
import { seedIfEmpty } from './seed/seed.ts';
import { servePortal } from './serve-portal.ts';
import { waitForDatabase } from './wait-for-database.ts';

const started = Date.now();
const db = await openDatabase();
console.log(`[db] ${db.kind === 'embedded' ? 'embedded PostgreSQL + PostGIS (PGlite) started' : 'using DATABASE_URL'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
await waitForDatabase(db.url);
const sql = connect(db.url, { max: 2, application: 'diversion-atlas-setup' });
try {
	await seedIfEmpty(sql);
} catch (error) {
	console.error('[db] could not prepare the database:', error instanceof Error ? error.message : error);
	await sql.end();
	await db.stop();
	process.exit(1);
}
await sql.end();

// After adapter-node has drained the requests and the app has closed its pool: stop the
// database, then leave. A pool that does not report back is not waited for forever.
const poolDeadlineMs = 10_000;
process.once('sveltekit:shutdown' as never, () => {
	const shutdownStarted = Date.now();
	const released = new Promise<string>((done) => {
		process.once('atlas:pool-closed' as never, () => done('pool closed'));
		setTimeout(() => done(`pool not closed within ${poolDeadlineMs / 1000} s`), poolDeadlineMs).unref();
	});
	void released.then(async (pool) => {
		await db.stop();
		console.log(`[portal] stopped: requests answered, ${pool}, database stopped (${Date.now() - shutdownStarted} ms)`);
		process.exit(0);
	});
});

const host = process.env.HOST ?? '127.0.0.1';
const port = process.env.PORT ?? '3000';
Object.assign(process.env, { HOST: host, PORT: port, DATABASE_URL: db.url, ATLAS_DATABASE_KIND: db.kind });
// PORT=0 takes a port the system picks when it listens (the tests do: a port picked earlier
// and released can be taken meanwhile, by an outgoing connection's ephemeral port say).
const listening = await servePortal({ host, port: Number(port), shutdownTimeoutSeconds: Number(process.env.SHUTDOWN_TIMEOUT ?? 30) });
console.log(`Diversion Atlas is serving at http://${host}:${listening} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
