// The checks that need the database: each point against its stated country's shape (and
// swapped, to say when latitude and longitude were exchanged), the parties rows name, and
// which external ids are already stored (an unchanged row is no change; an item stored with
// other values is a problem, not an overwrite: edits go through review).
import { problem, type ImportProblem } from '$lib/import/problems.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { CheckedRow } from './file-checks.ts';
import partyLookupSql from './party-lookup.sql?raw';
import placeCheckSql from './place-check.sql?raw';
import storedKeysSql from './stored-keys.sql?raw';

const placeCheck = sqlTemplate<{ n: number; has_shape: boolean; near: boolean; swapped_inside: boolean }>(placeCheckSql);
const partyLookup = sqlTemplate<{ name: string; role: 'manufacturer' | 'holder'; matches: number; id: number | null }>(partyLookupSql);
const storedKeys = sqlTemplate<{ kind: RecordKey; source: string; id: string; digest: string | null }>(storedKeysSql);

export type RecordKey = 'source' | 'site' | 'event' | 'item';

export const BATCH = 2000;

export interface StoredFindings {
	problems: ImportProblem[];
	/** Party ids by role and lower-cased name. */
	parties: Map<string, number>;
	/** Keys (kind, source, id) the database holds. */
	stored: Set<string>;
}

export const keyOf = (kind: RecordKey, source: string, id: string) => `${kind}\u0000${source}\u0000${id}`;
export const partyKey = (role: 'manufacturer' | 'holder', name: string) => `${role}\u0000${name.toLowerCase()}`;

function* batches<T>(list: readonly T[]): Generator<T[]> {
	for (let i = 0; i < list.length; i += BATCH) yield list.slice(i, i + BATCH);
}

/** Checks `rows` against the database; `onRows` counts rows checked, for progress. */
export async function checkStored(db: Queryable, rows: readonly CheckedRow[], onRows: (done: number) => void = () => {}): Promise<StoredFindings> {
	const problems: ImportProblem[] = [];
	const byRow = new Map(rows.map((r) => [r.n, r.row]));
	// Sorted by country, so PostGIS reuses one prepared shape across a run of points.
	const points = rows.map(({ n, row }) => ({ n, lat: row.latitude, lon: row.longitude, country: row.country }))
		.sort((a, b) => a.country.localeCompare(b.country));
	let done = 0;
	for (const batch of batches(points)) {
		for (const placed of await placeCheck(db, { points: JSON.stringify(batch) })) {
			if (placed.near) continue;
			const row = byRow.get(placed.n)!;
			const value = `${row.latitude}, ${row.longitude}`;
			const code = placed.swapped_inside ? 'swapped_coordinates' : 'outside_country';
			problems.push(problem(placed.n, 'latitude', value, code, { country: row.country }));
		}
		onRows((done += batch.length));
	}

	const names = new Map<string, { name: string; role: 'manufacturer' | 'holder' }>();
	for (const { row } of rows) {
		if (row.manufacturer) names.set(partyKey('manufacturer', row.manufacturer), { name: row.manufacturer, role: 'manufacturer' });
		if (row.holding_party) names.set(partyKey('holder', row.holding_party), { name: row.holding_party, role: 'holder' });
	}
	const parties = new Map<string, number>();
	const missing = new Map<string, 'unknown_party' | 'ambiguous_party'>();
	for (const batch of batches([...names.values()])) {
		for (const found of await partyLookup(db, { names: JSON.stringify(batch) })) {
			const key = partyKey(found.role, found.name);
			if (found.matches === 1) parties.set(key, found.id!);
			else missing.set(key, found.matches === 0 ? 'unknown_party' : 'ambiguous_party');
		}
	}
	for (const { n, row } of rows) {
		for (const [role, column] of [['manufacturer', 'manufacturer'], ['holder', 'holding_party']] as const) {
			const name = row[column];
			const code = name ? missing.get(partyKey(role, name)) : undefined;
			if (name && code) problems.push(problem(n, column, name, code, { role }));
		}
	}

	const keys = new Map<string, { kind: RecordKey; source: string; id: string }>();
	for (const { row } of rows) {
		const add = (kind: RecordKey, id: string) => keys.set(keyOf(kind, row.source_id, id), { kind, source: row.source_id, id });
		add('source', row.source_id);
		add('site', row.site_id);
		add('event', row.event_id);
		add('item', row.item_id);
	}
	const stored = new Set<string>();
	const digests = new Map<string, string | null>();
	for (const batch of batches([...keys.values()])) {
		for (const found of await storedKeys(db, { keys: JSON.stringify(batch) })) {
			const key = keyOf(found.kind, found.source, found.id);
			stored.add(key);
			if (found.kind === 'item') digests.set(key, found.digest);
		}
	}
	for (const { n, row, digest } of rows) {
		const key = keyOf('item', row.source_id, row.item_id);
		if (digests.has(key) && digests.get(key) !== digest) problems.push(problem(n, 'item_id', row.item_id, 'stored_differs'));
	}
	problems.sort((a, b) => a.row - b.row);
	return { problems, parties, stored };
}
