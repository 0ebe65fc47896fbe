// npm run release -- --summary "what this release publishes"
// Publishes the next numbered data release of the database named by DATABASE_URL (or the
// embedded one in DATA_DIR): counts what changed since the previous release and attaches the
// corrections made since (atlas.publish_release, db/migrations/023). For staff until the
// publish workflow exists (issue 20).
import { parseArgs } from 'node:util';
import { withDatabase } from './database.ts';

const { values } = parseArgs({ options: { summary: { type: 'string' }, actor: { type: 'string' } } });
const summary = values.summary?.trim();
if (!summary) {
	console.error('--summary "what this release publishes" is required');
	process.exit(2);
}
await withDatabase(async (sql) => {
	await sql.begin(async (tx) => {
		await tx`SELECT set_config('atlas.actor', ${values.actor ?? 'npm run release'}, true)`;
		const [release] = await tx`SELECT atlas.publish_release(${summary}) AS number`;
		const changes = await tx`SELECT record_kind, added, changed, withdrawn FROM atlas.release_changes
			WHERE release = ${release.number} ORDER BY array_position(atlas.release_record_kinds(), record_kind)`;
		const [{ corrections }] = await tx`SELECT count(*)::int AS corrections FROM atlas.corrections WHERE release = ${release.number}`;
		console.log(`Published data release ${release.number}`);
		for (const c of changes) console.log(`  ${c.record_kind}: ${c.added} added, ${c.changed} changed, ${c.withdrawn} withdrawn`);
		if (changes.length === 0) console.log('  no public record changed');
		console.log(`  ${corrections} correction(s)`);
	});
});
