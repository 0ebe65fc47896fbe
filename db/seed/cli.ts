// npm run seed -- [--scale N] [--seed N] [--reset]
// Migrates the database named by DATABASE_URL (or the embedded one in DATA_DIR) and loads the
// demo data if it is empty; --reset drops the schema first.
import { parseArgs } from 'node:util';
import { withDatabase } from '../database.ts';
import { seedIfEmpty } from './seed.ts';

const { values } = parseArgs({
	options: { scale: { type: 'string', default: '1' }, seed: { type: 'string' }, reset: { type: 'boolean', default: false } }
});
const scale = Number(values.scale);
if (!Number.isInteger(scale) || scale < 1 || scale > 100) {
	console.error('--scale must be a whole number from 1 to 100');
	process.exit(2);
}
await withDatabase(async (sql) => {
	if (values.reset) {
		console.log('Dropping schema atlas (--reset)');
		await sql`DROP SCHEMA IF EXISTS atlas CASCADE`;
		await sql`DROP TABLE IF EXISTS public.atlas_schema_migrations`;
	}
	await seedIfEmpty(sql, { scale, seed: values.seed ? Number(values.seed) : undefined });
});
