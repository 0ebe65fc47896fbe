// The checks one file allows without the database: the header against the template, each
// row by the shared schema, and the rows against each other (an item named twice, a site or
// event or source described two ways). What passes is kept, keyed, for the database checks.
import { createHash } from 'node:crypto';
import { IMPORT_COLUMNS, IMPORT_COLUMN_NAMES } from '$lib/import/columns.ts';
import { problem, type ImportProblem } from '$lib/import/problems.ts';
import { checkRow, importRowSchema, type ImportRow } from '$lib/import/row-schema.ts';
import type { ImportFormat } from './read-records.ts';

export interface CheckedRow {
	/** Where the report says the row is. */
	n: number;
	row: ImportRow;
	/** A digest of everything the row says: a later file naming the item otherwise is told. */
	digest: string;
}

const known: ReadonlySet<string> = new Set(IMPORT_COLUMN_NAMES);

/** Header problems; any missing column stops the rows from being read. */
export function checkHeader(columns: readonly string[], format: ImportFormat): ImportProblem[] {
	const problems: ImportProblem[] = [];
	const seen = new Set<string>();
	for (const name of columns) {
		if (seen.has(name)) problems.push(problem(1, name, name, 'duplicate_column'));
		else if (!known.has(name)) problems.push(problem(1, name, name, 'unknown_column'));
		seen.add(name);
	}
	if (format === 'csv') {
		for (const column of IMPORT_COLUMNS) if (column.required && !seen.has(column.name)) problems.push(problem(1, column.name, '', 'missing_column'));
	}
	return problems;
}

/** Stable across runs: the row's values in the template's column order. */
function digestOf(row: ImportRow): string {
	const values = [...IMPORT_COLUMN_NAMES.map((name) => row[name]), row.documented_on_precision];
	return createHash('sha256').update(JSON.stringify(values)).digest('hex');
}

const described = {
	source: (r: ImportRow) => JSON.stringify([r.source_name, r.source_kind, r.source_citation, r.source_url]),
	site: (r: ImportRow) => JSON.stringify([r.site_name, r.country, r.latitude, r.longitude, r.location_precision]),
	event: (r: ImportRow) => JSON.stringify([r.site_id, r.documented_on, r.documented_on_precision, r.context, r.verification, r.holding_party, r.event_notes])
};

/** One file's row checks, fed a row at a time (the file is streamed). */
export class FileChecks {
	readonly rows: CheckedRow[] = [];
	readonly problems: ImportProblem[] = [];
	#schema = importRowSchema(new Date().toISOString().slice(0, 10));
	#items = new Map<string, number>();
	#first = { source: new Map<string, [number, string]>(), site: new Map<string, [number, string]>(), event: new Map<string, [number, string]>() };
	#unknown = new Set<string>();

	/** The header's columns are checked by checkHeader; rows need not name them again. */
	noteHeader(columns: readonly string[]): void {
		for (const name of columns) this.#unknown.add(name);
	}

	add(n: number, cells: Record<string, string | undefined>): void {
		// GeoJSON properties are named per feature: an unknown one is told once.
		for (const name of Object.keys(cells)) {
			if (!known.has(name) && !this.#unknown.has(name)) {
				this.#unknown.add(name);
				this.problems.push(problem(n, name, name, 'unknown_column'));
			}
		}
		const result = checkRow(this.#schema, cells, n);
		if (!result.ok) {
			this.problems.push(...result.problems);
			return;
		}
		const row = result.row;
		const itemKey = `${row.source_id}\u0000${row.item_id}`;
		const firstRow = this.#items.get(itemKey);
		if (firstRow !== undefined) {
			this.problems.push(problem(n, 'item_id', row.item_id, 'duplicate_id', { first_row: firstRow }));
			return;
		}
		this.#items.set(itemKey, n);
		for (const kind of ['source', 'site', 'event'] as const) {
			const key = kind === 'source' ? row.source_id : `${row.source_id}\u0000${kind === 'site' ? row.site_id : row.event_id}`;
			const description = described[kind](row);
			const first = this.#first[kind].get(key);
			if (first === undefined) this.#first[kind].set(key, [n, description]);
			else if (first[1] !== description) {
				const column = `${kind}_id` as const;
				this.problems.push(problem(n, column, row[column], 'inconsistent', { first_row: first[0] }));
				return;
			}
		}
		this.rows.push({ n, row, digest: digestOf(row) });
	}
}
