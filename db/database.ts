import { resolve } from 'node:path';
import { connect, type Sql } from './connect.ts';
import { startEmbeddedDatabase } from './embedded.ts';

export interface OpenDatabase {
	url: string;
	kind: 'embedded' | 'external';
	stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostGIS with its files under DATA_DIR. */
export async function openDatabase(env: NodeJS.ProcessEnv = process.env): Promise<OpenDatabase> {
	if (env.DATABASE_URL) return { url: env.DATABASE_URL, kind: 'external', stop: async () => {} };
	const dataDir = resolve(env.DATA_DIR ?? '.data', 'pglite');
	const embedded = await startEmbeddedDatabase(dataDir, Number(env.ATLAS_EMBEDDED_PORT ?? 0));
	return { url: embedded.url, kind: 'embedded', stop: embedded.stop };
}

/** Runs a command-line task against the configured database and closes everything after. */
export async function withDatabase(task: (sql: Sql, db: OpenDatabase) => Promise<void>): Promise<void> {
	const db = await openDatabase();
	const sql = connect(db.url, { max: 4, application: 'diversion-atlas-cli' });
	try {
		await task(sql, db);
	} finally {
		await sql.end();
		await db.stop();
	}
}
