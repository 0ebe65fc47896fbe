// Import test files: the committed fixtures (tests/fixtures/import/), files too large to
// commit made on the fly, what the database holds before and after, and the clean-up of
// what a test imported (the suites share one seeded database per back end).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Sql } from 'postgres';

export const fixture = (name: string) => resolve('tests/fixtures/import', name);

export function tempDir(): string {
	return mkdtempSync(join(tmpdir(), 'import-test-'));
}

/** clean.csv's first data row, as cells by column, to build other files from. */
export function cleanRow(): Record<string, string> {
	const [first] = parse(readFileSync(fixture('clean.csv')), { bom: true, columns: true }) as Record<string, string>[];
	return first;
}

/** A CSV of `rows` built from clean.csv's first row, each changed by `vary`. */
export function writeCsv(path: string, rows: number, vary: (row: Record<string, string>, i: number) => void): string {
	const base = cleanRow();
	const records = Array.from({ length: rows }, (_, i) => {
		const row = { ...base };
		vary(row, i);
		return row;
	});
	writeFileSync(path, stringify(records, { header: true, columns: Object.keys(base) }));
	return path;
}

/**
 * A clean CSV of `rows` items under source `source`: 100 items per event, 1,000 per site,
 * all at Gao; `noteBytes` of event notes per row make it as large as a test needs.
 */
export function writeLargeCsv(path: string, rows: number, source: string, noteBytes = 0): string {
	const note = 'x'.repeat(noteBytes);
	return writeCsv(path, rows, (row, i) => {
		Object.assign(row, { source_id: source, site_id: `S${Math.floor(i / 1000)}`, event_id: `E${Math.floor(i / 100)}`, item_id: `I${i}`, serial_number: `LARGE ${i}` });
		if (noteBytes) row.event_notes = note;
	});
}

export interface StoredCounts {
	sources: number;
	sites: number;
	events: number;
	items: number;
	photos: number;
	audit: number;
	version: string;
}

/** What a bad import must leave as it was. */
export async function storedCounts(sql: Sql): Promise<StoredCounts> {
	const [row] = await sql`SELECT
		(SELECT count(*)::int FROM atlas.sources) AS sources,
		(SELECT count(*)::int FROM atlas.sites) AS sites,
		(SELECT count(*)::int FROM atlas.documentation_events) AS events,
		(SELECT count(*)::int FROM atlas.items) AS items,
		(SELECT count(*)::int FROM atlas.item_photos) AS photos,
		(SELECT count(*)::int FROM atlas.audit_log) AS audit,
		(SELECT version::text FROM atlas.data_version) AS version`;
	return row as unknown as StoredCounts;
}

/** Removes every record an import of `sources` (file source ids) wrote. */
export async function forgetImported(sql: Sql, sources: string[]): Promise<void> {
	await sql.begin(async (tx) => {
		const ids = (await tx`SELECT id FROM atlas.sources WHERE external_id IN ${tx(sources)}`).map((r) => r.id as number);
		if (ids.length === 0) return;
		await tx`DELETE FROM atlas.item_photos WHERE item_id IN (SELECT id FROM atlas.items WHERE external_source_id IN ${tx(ids)})`;
		await tx`DELETE FROM atlas.items WHERE external_source_id IN ${tx(ids)}`;
		await tx`DELETE FROM atlas.documentation_events WHERE source_id IN ${tx(ids)}`;
		await tx`DELETE FROM atlas.sites WHERE external_source_id IN ${tx(ids)}`;
		await tx`DELETE FROM atlas.sources WHERE id IN ${tx(ids)}`;
	});
}
