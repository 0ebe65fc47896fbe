// Each Filter key as SQL over `atlas.item_facts` (alias `f`): the column it selects on, the
// type its bound value is cast to, how the two compare, and, for the keys the filter panel
// counts, the value(s) one item holds. filter-sql.ts and the facet queries read only this
// table, so a new key is a schema entry, a row here and its facts column.
import { RESPONSE_FILTERS } from '$lib/domain/vocabulary.ts';
import type { FilterKey } from '$lib/filter/filter-schema.ts';

/**
 * How a key's value meets its column: `from`/`to` bound a range (`>=`, `<=`), `any` is a
 * scalar column in a list (`= ANY($::cast[])`), `overlaps` an array column sharing a value
 * with a list (`&&`), `contains` an array column holding one id (`@>`), `equals` one value.
 */
export type FilterMatch = 'from' | 'to' | 'any' | 'overlaps' | 'contains' | 'equals';

/**
 * How the rollups (db/migrations/018_fact_rollups.sql) carry a key, for rollup-sql.ts:
 * `column` – a column of the same name and values as in item_facts; `year_start`/`year_end`
 * – the column as the first day of the item's year, which answers the key only for a first
 * (`from`) or last (`to`) day of a year. A key without it is answered from item rows.
 */
export type RollupColumn = 'column' | 'year_start' | 'year_end';

export interface FilterColumn {
	/** An `atlas.item_facts` column. */
	column: string;
	/** The PostgreSQL type of one value (lists are sent as arrays of it). */
	cast: string;
	match: FilterMatch;
	/**
	 * For a key naming rows that have a visibility of their own (a party, a case, a
	 * consignment): the table whose row security decides which of the named ids the viewer may
	 * filter by. The facts hold the raw ids, so without this a hidden id would select its items.
	 */
	rows?: string;
	rollup?: RollupColumn;
	/** For the filter panel's counted lists (FACET_KEYS in the schema). */
	facet?: {
		/**
		 * For an array column (an item holds several values): the values listed, each counting
		 * the items that hold it, which is what choosing it selects. Otherwise the column's one
		 * value per item is counted, as text.
		 */
		values?: readonly string[];
		/** The most values listed. */
		limit: number;
		/** Values are ISO 3166 alpha-3 codes, labelled with the country's name. */
		countries?: true;
	};
}

/** Identifiers and casts from this fixed table are the only SQL text not written in a `.sql` file. */
export const FILTER_COLUMNS = {
	from: { column: 'documented_on', cast: 'date', match: 'from', rollup: 'year_start' },
	to: { column: 'documented_on', cast: 'date', match: 'to', rollup: 'year_end' },
	country: { column: 'country_iso3', cast: 'char(3)', match: 'any', rollup: 'column', facet: { limit: 100, countries: true } },
	category: { column: 'category', cast: 'atlas.item_category', match: 'any', rollup: 'column', facet: { limit: 100 } },
	type: { column: 'item_type', cast: 'text', match: 'any', facet: { limit: 40 } },
	made_in: { column: 'made_in_iso3', cast: 'char(3)', match: 'any', facet: { limit: 100, countries: true } },
	manufacturer: { column: 'manufacturer_id', cast: 'int', match: 'any', rows: 'atlas.parties' },
	group: { column: 'holding_party_id', cast: 'int', match: 'any', rows: 'atlas.parties' },
	response: { column: 'response_classes', cast: 'text', match: 'overlaps', facet: { values: RESPONSE_FILTERS, limit: 100 } },
	marking: { column: 'marking_state', cast: 'atlas.marking_state', match: 'any', facet: { limit: 100 } },
	case: { column: 'case_ids', cast: 'int', match: 'contains', rows: 'atlas.diversion_cases' },
	consignment: { column: 'consignment_id', cast: 'int', match: 'equals', rows: 'atlas.consignments' }
} as const satisfies Record<FilterKey, FilterColumn>;

/** The keys whose values bound the time range (trace requests apply it to their own date). */
export const TIME_KEYS = (Object.keys(FILTER_COLUMNS) as FilterKey[]).filter((key) => {
	const { match } = FILTER_COLUMNS[key] as FilterColumn;
	return match === 'from' || match === 'to';
});
