import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Sql } from './connect.ts';

export const migrationsDir = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
	name: string;
	text: string;
	checksum: string;
}

export function readMigrations(dir = migrationsDir): Migration[] {
	return readdirSync(dir)
		.filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
		.sort()
		.map((name) => {
			const text = readFileSync(dir + name, 'utf8');
			return { name, text, checksum: createHash('sha256').update(text).digest('hex').slice(0, 16) };
		});
}

/**
 * Applies the migrations not yet recorded, each in its own transaction, in order.
 * An advisory lock keeps two starting instances from migrating at once.
 */
export async function migrate(sql: Sql, onApplied: (name: string) => void = () => {}): Promise<string[]> {
	await sql`CREATE TABLE IF NOT EXISTS public.atlas_schema_migrations (
		name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;
	const applied: string[] = [];
	for (const migration of readMigrations()) {
		const done = await sql.begin(async (tx) => {
			await tx`SELECT pg_advisory_xact_lock(724519)`;
			const [seen] = await tx`SELECT 1 FROM public.atlas_schema_migrations WHERE name = ${migration.name}`;
			if (seen) return false;
			await tx.unsafe(migration.text);
			await tx`INSERT INTO public.atlas_schema_migrations (name, checksum)
				VALUES (${migration.name}, ${migration.checksum})`;
			return true;
		});
		if (done) {
			applied.push(migration.name);
			onApplied(migration.name);
		}
	}
	// A migration may rebuild a table (item_facts is refilled by one): without fresh
	// statistics the planner takes 30,000 matching rows for 30 and picks nested loops.
	// PGlite has no autovacuum to do this later.
	if (applied.length > 0) await sql`ANALYZE`;
	return applied;
}
