import { connect, type Sql } from '../../../db/connect.ts';
import { sqlTraceHook } from './sql-trace.ts';

export type { Sql };
export type DatabaseKind = 'embedded' | 'external';

/** Which back end the launcher started us on; reported by /api/health. */
export function databaseKind(): DatabaseKind {
	return process.env.ATLAS_DATABASE_KIND === 'embedded' ? 'embedded' : 'external';
}

// The one client (a pool of up to 8 connections) for the whole process. Created on first
// use, not at import, so building the app and importing it in tests need no database.
let client: Sql | undefined;

export function database(): Sql {
	if (client) return client;
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('DATABASE_URL is not set');
	// A reader waits at most 5 s for a connection (postgres.js's default is 30): an
	// unreachable database is answered with a 503 soon, and retried on the next request.
	client = connect(url, { max: 8, application: 'diversion-atlas-web', connectTimeout: 5, debug: sqlTraceHook() });
	return client;
}

/** Closes the pool (tests, graceful shutdown); the next database() call opens a new one. */
export async function closeDatabase(): Promise<void> {
	const closing = client;
	client = undefined;
	await closing?.end({ timeout: 5 });
}
