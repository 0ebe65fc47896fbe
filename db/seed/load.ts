import { readFileSync } from 'node:fs';
import type { Sql } from '../connect.ts';
import type { GeneratedData } from './generate.ts';
import type { DemoDataset } from './rows.ts';

const insertCountries = readFileSync(new URL('./insert-countries.sql', import.meta.url), 'utf8');
const insertRoutes = readFileSync(new URL('./insert-routes.sql', import.meta.url), 'utf8');

/** Tables in an order that satisfies every foreign key. */
const TABLE_ORDER: readonly (keyof DemoDataset)[] = [
	'sources', 'reports', 'parties', 'sites', 'documentation_events', 'consignments', 'items', 'item_photos',
	'trace_requests', 'trace_request_items', 'trace_responses', 'trace_response_factors', 'transfers',
	'transfer_waypoints', 'diversion_cases', 'case_parties', 'case_items', 'case_sites', 'routes', 'right_of_reply'
];
const BATCH = 5000;

export interface LoadProgress {
	start(total: number): void;
	advance(rows: number, table: string): void;
	/** A step that is one long statement (no rows to count): said, then its time so far. */
	phase(label: string): void;
	stop(): void;
}

/** The summary of the demo's release 1 (data, like a case title: not a catalogue string). */
export const DEMO_RELEASE_SUMMARY = 'Demo data: synthetic documentation, traces and cases, with a few published case records';

export async function isSeeded(sql: Sql): Promise<boolean> {
	const [row] = await sql`SELECT EXISTS (SELECT 1 FROM atlas.countries) AS seeded`;
	return row.seeded;
}

/**
 * Loads the generated data set in one transaction, so an interrupted first start leaves an
 * empty database that the next start seeds again, never a half-loaded one.
 */
export async function loadDemoData(sql: Sql, { countries, data }: GeneratedData, progress: LoadProgress): Promise<void> {
	const total = countries.length + TABLE_ORDER.reduce((sum, table) => sum + data[table].length, 0);
	progress.start(total);
	await sql.begin(async (tx) => {
		// The facts are built once, at the end, rather than by the triggers batch after batch
		// (db/migrations/015); the data version still moves with the first insert (016).
		await tx`SELECT set_config('atlas.actor', 'demo-data seed', true), set_config('atlas.audit_note', 'synthetic demo data and published case records', true),
			set_config('atlas.facts_maintenance', 'deferred', true)`;
		await tx.unsafe(insertCountries, [JSON.stringify(countries)]);
		progress.advance(countries.length, 'countries');
		for (const table of TABLE_ORDER) {
			const rows = data[table] as object[];
			for (let start = 0; start < rows.length; start += BATCH) {
				const batch = JSON.stringify(rows.slice(start, start + BATCH));
				if (table === 'routes') {
					await tx.unsafe(insertRoutes, [batch]);
				} else {
					const columns = Object.keys(rows[0]);
					await tx`INSERT INTO ${tx('atlas.' + table)} (${tx(columns)})
						SELECT ${tx(columns)} FROM json_populate_recordset(NULL::${tx('atlas.' + table)}, ${batch}::text::json)`;
				}
				progress.advance(Math.min(BATCH, rows.length - start), table);
			}
			if (rows.length && 'id' in rows[0]) {
				// Rows came with their ids; later inserts continue after them.
				await tx`SELECT setval(pg_get_serial_sequence(${'atlas.' + table}, 'id'), (SELECT max(id) FROM ${tx('atlas.' + table)}))`;
			}
		}
		// Statistics of the loaded tables first: the facts' triggers plan their statements in
		// this transaction, and would otherwise plan for the empty tables of before the load.
		progress.phase('statistics of the loaded tables');
		await tx`ANALYZE`;
		progress.phase('building the facts and rollups');
		await tx`SELECT atlas.refresh_item_facts()`;
		progress.phase('publishing release 1');
		// Release 1: what a citation of the demo names; publish_release marks it synthetic
		// because synthetic rows are public in it (db/migrations/023).
		await tx`SELECT atlas.publish_release(${DEMO_RELEASE_SUMMARY})`;
	});
	// Statistics for the planner, and the visibility map that lets index-only scans skip the heap.
	progress.phase('vacuum and statistics');
	await sql`VACUUM ANALYZE`;
	progress.stop();
}
