import { connect, type Sql } from '../../../db/connect.ts';
import { sqlTraceHook } from './sql-trace.ts';
import { trackDataVersion, type DataVersion } from './data-version.ts';

export type { Sql };
export type DatabaseKind = 'embedded' | 'external';

/** Which back end the launcher started us on; reported by /api/health. */
export function databaseKind(): DatabaseKind {
	return process.env.ATLAS_DATABASE_KIND === 'embedded' ? 'embedded' : 'external';
}

// The one client (a pool of up to 8 connections) for the whole process, with the data
// version it serves. Created on first use, not at import, so building the app and importing
// it in tests need no database.
let client: { sql: Sql; version: DataVersion } | undefined;

function open(): { sql: Sql; version: DataVersion } {
	if (client) return client;
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('DATABASE_URL is not set');
	// A reader waits at most 5 s for a connection (postgres.js's default is 30): an
	// unreachable database is answered with a 503 soon, and retried on the next request.
	const sql = connect(url, { max: 8, application: 'diversion-atlas-web', connectTimeout: 5, debug: sqlTraceHook() });
	client = { sql, version: trackDataVersion(sql, url) };
	return client;
}

export function database(): Sql {
	return open().sql;
}

/** The data version of the database `database()` answers from (in memory; see data-version.ts). */
export function dataVersion(): DataVersion {
	return open().version;
}

/** Closes the pool (tests, graceful shutdown); the next database() call opens a new one. */
export async function closeDatabase(): Promise<void> {
	const closing = client;
	client = undefined;
	await closing?.version.stop();
	await closing?.sql.end({ timeout: 5 });
}
