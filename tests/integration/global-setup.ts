// Prepares every database back end the integration tests run on: always the embedded
// PGlite + PostGIS (seeded fresh), and a native PostGIS when TEST_DATABASE_URL is set
// (its atlas schema is dropped and rebuilt, so point it at a throw-away database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../../db/connect.ts';
import { startEmbeddedDatabase, type EmbeddedDatabase } from '../../db/embedded.ts';
import { seedIfEmpty } from '../../db/seed/seed.ts';
import type { Backend } from './backends.ts';

async function prepare(url: string, reset: boolean) {
	const sql = connect(url, { max: 2, application: 'diversion-atlas-test-setup' });
	try {
		if (reset) {
			await sql`DROP SCHEMA IF EXISTS atlas CASCADE`;
			await sql`DROP TABLE IF EXISTS public.atlas_schema_migrations`;
		}
		await seedIfEmpty(sql);
	} finally {
		await sql.end();
	}
}

export default async function setup(project: TestProject) {
	// The test runner passes a directory so the end-to-end tests can reuse this seeded database.
	const given = process.env.ATLAS_TEST_DATA_DIR;
	const dataDir = given ? resolve(given) : mkdtempSync(join(tmpdir(), 'atlas-test-'));
	const embedded: EmbeddedDatabase = await startEmbeddedDatabase(join(dataDir, 'pglite'));
	const backends: Backend[] = [];
	try {
		await prepare(embedded.url, false);
		backends.push({ name: 'embedded', url: embedded.url });
		if (process.env.TEST_DATABASE_URL) {
			await prepare(process.env.TEST_DATABASE_URL, true);
			backends.push({ name: 'native', url: process.env.TEST_DATABASE_URL });
		}
	} catch (error) {
		await embedded.stop();
		throw error;
	}
	project.provide('backends', backends);
	return async () => {
		await embedded.stop();
		if (!given) rmSync(dataDir, { recursive: true, force: true });
	};
}
