// Writes a checked file in the transaction it is given: sources, then sites, events and
// items, each new one as a draft (the review workflow publishes them), each already stored
// one left as it is. Every statement is keyed by the file's external ids, so the writes
// need no ids from JavaScript and a second run of the same file adds nothing.
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { CheckedRow } from './file-checks.ts';
import { BATCH, partyKey, type RecordKey } from './stored-checks.ts';
import writeEventsSql from './write-events.sql?raw';
import writeItemsSql from './write-items.sql?raw';
import writeSitesSql from './write-sites.sql?raw';
import writeSourcesSql from './write-sources.sql?raw';

type Added = { added: number };
const writeSources = sqlTemplate<Added>(writeSourcesSql);
const writeSites = sqlTemplate<Added>(writeSitesSql);
const writeEvents = sqlTemplate<Added>(writeEventsSql);
const writeItems = sqlTemplate<Added>(writeItemsSql);

export type ImportCounts = Record<RecordKey, { added: number; unchanged: number }>;

function unique<T>(rows: readonly CheckedRow[], key: (r: CheckedRow) => string, shape: (r: CheckedRow) => T): T[] {
	const seen = new Map<string, T>();
	for (const r of rows) if (!seen.has(key(r))) seen.set(key(r), shape(r));
	return [...seen.values()];
}

/** The distinct records a file describes, as the write statements take them. */
export function recordsOf(rows: readonly CheckedRow[], parties: ReadonlyMap<string, number>) {
	return {
		source: unique(rows, (r) => r.row.source_id, ({ row }) => ({
			id: row.source_id, name: row.source_name, kind: row.source_kind, citation: row.source_citation, url: row.source_url
		})),
		site: unique(rows, (r) => `${r.row.source_id}\u0000${r.row.site_id}`, ({ row }) => ({
			source: row.source_id, id: row.site_id, name: row.site_name, country: row.country, lat: row.latitude, lon: row.longitude,
			precision: row.location_precision
		})),
		event: unique(rows, (r) => `${r.row.source_id}\u0000${r.row.event_id}`, ({ row }) => ({
			source: row.source_id, id: row.event_id, site: row.site_id, on: row.documented_on, precision: row.documented_on_precision,
			context: row.context, verification: row.verification, notes: row.event_notes,
			holder: row.holding_party ? parties.get(partyKey('holder', row.holding_party)) ?? null : null
		})),
		item: rows.map(({ row, digest }) => ({
			source: row.source_id, id: row.item_id, event: row.event_id, category: row.category, type: row.item_type,
			model: row.model, calibre: row.calibre, made_in: row.made_in, year: row.year_made, serial: row.serial_number,
			lot: row.lot_number, factory: row.factory_code, import_mark: row.import_mark, marking: row.marking_state,
			construction: row.construction, quantity: row.quantity, digest,
			maker: row.manufacturer ? parties.get(partyKey('manufacturer', row.manufacturer)) ?? null : null
		}))
	};
}

export type ImportRecords = ReturnType<typeof recordsOf>;

const writers = { source: writeSources, site: writeSites, event: writeEvents, item: writeItems } as const;

/**
 * Writes every record; `tx` must be a transaction (the caller's), so a failure or a killed
 * process writes nothing. `onWritten` tells how many of each kind are written so far.
 */
export async function writeRecords(tx: Queryable, records: ImportRecords, onWritten: (kind: RecordKey, done: number, total: number) => void = () => {}): Promise<ImportCounts> {
	const counts = {} as ImportCounts;
	for (const kind of ['source', 'site', 'event', 'item'] as const) {
		const list: readonly unknown[] = records[kind];
		let added = 0;
		for (let i = 0; i < list.length; i += BATCH) {
			const [result] = await writers[kind](tx, { rows: JSON.stringify(list.slice(i, i + BATCH)) });
			added += result.added;
			onWritten(kind, Math.min(i + BATCH, list.length), list.length);
		}
		counts[kind] = { added, unchanged: list.length - added };
	}
	return counts;
}
