import { afterAll, describe, inject } from 'vitest';
import { connect, type Sql } from '../../db/connect.ts';

export interface Backend {
	name: 'embedded' | 'native';
	url: string;
}

declare module 'vitest' {
	export interface ProvidedContext {
		backends: Backend[];
	}
}

/**
 * Declares the suite once per database back end (embedded PGlite, and native PostGIS when
 * TEST_DATABASE_URL is set), handing it a connection as the database owner.
 */
export function describeEachBackend(title: string, suite: (db: () => Sql, backend: Backend) => void): void {
	for (const backend of inject('backends')) {
		describe(`${title} [${backend.name}]`, () => {
			let sql: Sql | undefined;
			const db = () => (sql ??= connect(backend.url, { max: 2, application: 'diversion-atlas-test' }));
			afterAll(async () => {
				await sql?.end();
			});
			suite(db, backend);
		});
	}
}
