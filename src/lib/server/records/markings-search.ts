import type { SearchHit, SearchResult } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import searchSql from './markings-search.sql?raw';
import relatedSql from './markings-related.sql?raw';

const searchQuery = sqlTemplate(searchSql);

const related = sqlTemplate(relatedSql);

/** Hits returned per search; `total` still counts them all. */
export const SEARCH_LIMIT = 50;
/** Shorter queries match too much of the table to be useful (and to be fast). */
export const MIN_QUERY_LENGTH = 3;
const MAX_QUERY_LENGTH = 100;

/**
 * The query as markings are stored in items.markings_normalised: upper case, spaces and
 * dashes removed. '|' separates the fields in that column, so it is removed too: a query
 * must never match across two markings.
 */
export function normaliseMarkingQuery(query: string): string {
	return query.replace(/[\s\-|]/g, '').toUpperCase();
}

export type MarkingQueryCheck = { ok: true; normalised: string } | { ok: false; error: string; field: 'q' };

export function checkMarkingQuery(query: string | null): MarkingQueryCheck {
	const text = query ?? '';
	// PostgreSQL text cannot hold NUL, and no marking holds a control character.
	if (/[\u0000-\u001f\u007f]/.test(text)) return { ok: false, field: 'q', error: 'q: contains a control character' };
	if (text.length > MAX_QUERY_LENGTH) return { ok: false, field: 'q', error: `q: at most ${MAX_QUERY_LENGTH} characters` };
	const normalised = normaliseMarkingQuery(text);
	if (normalised.length < MIN_QUERY_LENGTH) {
		return { ok: false, field: 'q', error: `q: at least ${MIN_QUERY_LENGTH} characters other than spaces and dashes` };
	}
	return { ok: true, normalised };
}

interface SearchRow {
	id: number;
	category: SearchHit['category'];
	item_type: string;
	model: string | null;
	calibre: string | null;
	serial_number: string | null;
	lot_number: string | null;
	made_in: SearchHit['madeIn'];
	manufacturer: SearchHit['manufacturer'];
	site: SearchHit['site'];
	documented_on: string;
	documented_on_precision: SearchHit['documentedOnPrecision'];
	consignment_id: number | null;
	case_ids: number[];
	matched: SearchHit['matched'];
	synthetic: boolean;
	total: number;
}

interface RelatedRow {
	same_lot: number[];
	same_order: number[];
	same_consignment: number[];
}

/** Searches markings and order numbers as the viewer of `tx`; `normalised` from checkMarkingQuery. */
export async function searchMarkings(tx: Queryable, query: string, normalised: string): Promise<SearchResult> {
	const rows = await searchQuery<SearchRow>(tx, { query: normalised, limit: SEARCH_LIMIT });
	const items: SearchHit[] = rows.map((row) => ({
		id: row.id,
		category: row.category,
		itemType: row.item_type,
		model: row.model,
		calibre: row.calibre,
		serialNumber: row.serial_number,
		lotNumber: row.lot_number,
		madeIn: row.made_in,
		manufacturer: row.manufacturer,
		site: row.site,
		documentedOn: row.documented_on,
		documentedOnPrecision: row.documented_on_precision,
		consignmentId: row.consignment_id,
		caseIds: row.case_ids,
		matched: row.matched,
		synthetic: row.synthetic
	}));
	const total = rows[0]?.total ?? 0;
	let links: RelatedRow = { same_lot: [], same_order: [], same_consignment: [] };
	if (items.length) {
		const [row] = (await related(tx, { hit_ids: tx.array(items.map((item) => item.id)), cap: SEARCH_LIMIT })) as unknown as RelatedRow[];
		if (row) links = row;
	}
	return {
		query,
		normalised,
		items,
		related: { sameLot: links.same_lot, sameOrder: links.same_order, sameConsignment: links.same_consignment },
		total,
		limit: SEARCH_LIMIT,
		truncated: total > items.length
	};
}
