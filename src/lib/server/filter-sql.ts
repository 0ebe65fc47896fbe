import type postgres from 'postgres';
import { FILTER_KEYS, type Filter, type FilterKey } from '$lib/filter/filter-schema.ts';
import { FILTER_COLUMNS, TIME_KEYS, type FilterColumn } from './filter-columns.ts';
import type { Queryable } from './sql-file.ts';

export type SqlFragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * The ids of `value` the viewer may see, as an array: the subquery runs under the request's
 * row security, so naming a hidden party, case or consignment selects what an unknown id
 * does (nothing), and a partner may name a restricted one of its own partition.
 */
function visibleIds(sql: Queryable, rows: string, cast: string, value: number | readonly number[]): SqlFragment {
	const ids = sql.array((Array.isArray(value) ? value : [value]) as number[]);
	return sql`ARRAY(SELECT v.id FROM ${sql.unsafe(rows)} v WHERE v.id = ANY(${ids}::${sql.unsafe(cast)}[]))`;
}

/**
 * A list as one untyped bound parameter per value: PostgreSQL reads each as the type it is
 * cast to, and a custom plan sees the list as a constant. Sent as one text[] parameter
 * instead, its cast to an enum array stays an expression (enum input is STABLE), so no plan
 * could prove a partial index's predicate from it (marking=, db/migrations/022: 470 ms
 * instead of 90 ms at scale 10).
 */
function untypedList(sql: Queryable, values: readonly (string | number)[]): SqlFragment {
	return values.map((value) => sql`${String(value)}`).reduce((all, one) => sql`${all}, ${one}`);
}

/** One key's condition: the column and cast come from the fixed key table, the value is bound. */
function keyCondition(sql: Queryable, key: FilterKey, value: string | number | readonly (string | number)[]): SqlFragment {
	const { column, cast, match, rows } = FILTER_COLUMNS[key] as FilterColumn;
	const col = sql.unsafe(`f.${column}`);
	const type = sql.unsafe(cast);
	if (rows) {
		const ids = visibleIds(sql, rows, cast, value as number | readonly number[]);
		return match === 'contains' ? sql`${col} && ${ids}` : sql`${col} = ANY(${ids})`;
	}
	const list = () => sql.array(value as (string | number)[]);
	switch (match) {
		case 'from':
			return sql`${col} >= ${value as string}::${type}`;
		case 'to':
			return sql`${col} <= ${value as string}::${type}`;
		case 'any':
			return sql`${col} = ANY(ARRAY[${untypedList(sql, value as (string | number)[])}]::${type}[])`;
		case 'overlaps':
			return sql`${col} && ${list()}::${type}[]`;
		case 'contains':
			return sql`${col} @> ARRAY[${value as number}::${type}]`;
		case 'equals':
			return sql`${col} = ${value as number}::${type}`;
	}
}

/**
 * The Filter as one WHERE condition over `atlas.item_facts` (alias `f`): the only place
 * the Filter becomes SQL. Each value is a typed bound parameter (lists as arrays), so the planner can use
 * the indexes; an empty filter is TRUE. `also` adds a condition on `f` that is not part of
 * the Filter (the map view's bounding box).
 */
export function filterCondition(sql: Queryable, filter: Filter, also?: SqlFragment): SqlFragment {
	const parts: SqlFragment[] = also ? [also] : [];
	for (const key of FILTER_KEYS) {
		const value = filter[key];
		if (value !== undefined) parts.push(keyCondition(sql, key, value));
	}
	if (parts.length === 0) return sql`TRUE`;
	return parts.reduce((all, part) => sql`${all} AND ${part}`);
}

/** The Filter without its time range: what an item must be for a request about it to count. */
function withoutTime(filter: Filter): Filter {
	const rest: Record<string, unknown> = { ...filter };
	for (const key of TIME_KEYS) delete rest[key];
	return rest as Filter;
}

/**
 * The Filter over trace requests (alias `r`): the time range applies to the day the request
 * was issued, everything else to the items it concerns, through the same item condition.
 */
export function requestCondition(sql: Queryable, filter: Filter, also?: SqlFragment): SqlFragment {
	const parts: SqlFragment[] = [];
	if (filter.from) parts.push(sql`r.issued_on >= ${filter.from}::date`);
	if (filter.to) parts.push(sql`r.issued_on <= ${filter.to}::date`);
	const about = withoutTime(filter);
	if (Object.keys(about).length > 0 || also) {
		// The (request, item) pairs with the item's facts as rows (db/migrations/022): the same
		// condition as over item_facts, without a probe of the links and the facts per request.
		parts.push(sql`EXISTS (SELECT 1 FROM atlas.request_item_facts f WHERE f.request_id = r.id AND ${filterCondition(sql, about, also)})`);
	}
	if (parts.length === 0) return sql`TRUE`;
	return parts.reduce((all, part) => sql`${all} AND ${part}`);
}
