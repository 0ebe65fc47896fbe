import { FILTER_KEYS, type Filter } from '$lib/filter/filter-schema.ts';
import { FILTER_COLUMNS, TIME_KEYS, type FilterColumn } from './filter-columns.ts';
import type { SqlFragment } from './filter-sql.ts';
import type { Queryable } from './sql-file.ts';

// The one place that decides whether the rollups (db/migrations/018_fact_rollups.sql) can
// answer a Filter. They can when every key given is one the rollups carry (the key table's
// `rollup`) and a time bound falls on a year's edge; then filter-sql.ts's condition over a
// rollup (alias `f`, same column names) selects exactly the rows summing the matching items.

const ON_YEAR_EDGE = { year_start: '-01-01', year_end: '-12-31' } as const;

/** Whether the rollups answer `filter` exactly; otherwise item rows must. */
export function canUseRollup(filter: Filter): boolean {
	return FILTER_KEYS.every((key) => {
		const value = filter[key];
		if (value === undefined) return true;
		const { rollup } = FILTER_COLUMNS[key] as FilterColumn;
		if (rollup === undefined) return false;
		return rollup === 'column' || String(value).endsWith(ON_YEAR_EDGE[rollup]);
	});
}

/** Where an aggregate is read from: the rollups, or item rows (always right, slower). */
export type CountSource = 'rollups' | 'items';

/** The source answering `filter`: the rollups when they can. */
export const countSource = (filter: Filter): CountSource => (canUseRollup(filter) ? 'rollups' : 'items');

/**
 * The per-site rollup to read for `filter` (a `:site_rollup` slot): without the year when the
 * Filter has no time range, a sixth of the rows. Table names from this fixed pair only.
 */
export function siteRollup(sql: Queryable, filter: Filter): SqlFragment {
	const timed = TIME_KEYS.some((key) => filter[key] !== undefined);
	return sql`${sql.unsafe(timed ? 'atlas.site_rollup' : 'atlas.site_total_rollup')}`;
}
