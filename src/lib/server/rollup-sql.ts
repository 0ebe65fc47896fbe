import { FILTER_KEYS, type Filter, type FilterKey } from '$lib/filter/filter-schema.ts';
import { FILTER_COLUMNS, TIME_KEYS, type FilterColumn } from './filter-columns.ts';
import { filterCondition, type SqlFragment } from './filter-sql.ts';
import type { Queryable } from './sql-file.ts';
import type { SqlParam } from './sql-template.ts';

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

/**
 * The per-site rollup to read for `filter` (a `:site_rollup` slot): without the year when the
 * Filter has no time range, a sixth of the rows. Table names from this fixed pair only.
 */
export function siteRollup(sql: Queryable, filter: Filter): SqlFragment {
	return sql`${sql.unsafe(timed(filter) ? 'atlas.site_rollup' : 'atlas.site_total_rollup')}`;
}

const timed = (filter: Filter) => TIME_KEYS.some((key) => filter[key] !== undefined);

// The keys the dimension rollups (db/migrations/028 per site, 031 for the counts, facets and
// charts) keep as (dimension, value) rows, and whether one item holds one value of each (then
// a list of values sums exactly) or may hold several (then one value only, or an item would
// count once per value it holds).
const FILTER_DIMENSIONS = {
	type: { dimension: 'type', oneValuePerItem: true },
	made_in: { dimension: 'made_in', oneValuePerItem: true },
	marking: { dimension: 'marking', oneValuePerItem: true },
	response: { dimension: 'response', oneValuePerItem: false }
} as const satisfies Partial<Record<FilterKey, { dimension: string; oneValuePerItem: boolean }>>;

/** A Filter as the dimension rollups read it: one (dimension, values) and the rest on the rollup keys. */
export interface DimensionChoice {
	dimension: string;
	values: string[];
	/** The Filter without that key: canUseRollup holds for it. */
	rest: Filter;
}

/**
 * Whether the dimension rollups answer `filter`: exactly one key they keep (with one value
 * when an item may hold several), every other key one the rollups carry. Null when the 018
 * rollups answer on their own, or item rows must.
 */
export function dimensionChoice(filter: Filter): DimensionChoice | null {
	if (canUseRollup(filter)) return null;
	const given = (Object.keys(FILTER_DIMENSIONS) as (keyof typeof FILTER_DIMENSIONS)[]).filter((key) => filter[key] !== undefined);
	if (given.length !== 1) return null;
	const [key] = given;
	const values = (filter[key] as readonly string[]).map(String);
	if (!FILTER_DIMENSIONS[key].oneValuePerItem && values.length !== 1) return null;
	const rest = { ...filter };
	delete rest[key];
	if (!canUseRollup(rest)) return null;
	return { dimension: FILTER_DIMENSIONS[key].dimension, values, rest };
}

/**
 * Where an aggregate is read from: the 018 rollups, the dimension rollups (028, 031) for a
 * Filter on one item dimension, or item rows (always right, slower).
 */
export type CountSource = 'rollups' | 'dimension rollups' | 'items';

/** The source answering `filter`: a rollup when one can. */
export const countSource = (filter: Filter): CountSource =>
	canUseRollup(filter) ? 'rollups' : dimensionChoice(filter) ? 'dimension rollups' : 'items';

/**
 * The slots of a query over the dimension rollups: the filtered key's :dimension and :values,
 * the rest of the Filter as :filter over a rollup f, and the per-site dimension rollup to read
 * as :site_dimension_rollup (without the year when the Filter has no time range, as
 * siteRollup; db/migrations/032). Throws for a Filter they cannot answer.
 */
export function dimensionSlots(
	sql: Queryable,
	filter: Filter
): { dimension: string; values: SqlParam; filter: SqlFragment; site_dimension_rollup: SqlFragment } {
	const choice = dimensionChoice(filter);
	if (!choice) throw new Error(`the dimension rollups cannot answer ${JSON.stringify(filter)}`);
	const perSite = timed(filter) ? 'atlas.site_dimension_rollup' : 'atlas.site_dimension_total_rollup';
	return {
		dimension: choice.dimension,
		values: sql.array(choice.values),
		filter: filterCondition(sql, choice.rest),
		site_dimension_rollup: sql`${sql.unsafe(perSite)}`
	};
}
