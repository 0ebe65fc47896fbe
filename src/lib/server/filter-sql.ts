import type postgres from 'postgres';
import type { Filter } from '$lib/filter/filter-schema.ts';
import type { Queryable } from './sql-file.ts';

export type SqlFragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * The Filter as one WHERE condition over `atlas.item_facts` (alias `f`): the only place
 * the Filter becomes SQL. Each value is a typed bound parameter (lists as arrays), so the planner can use
 * the indexes; an empty filter is TRUE. `also` adds a condition on `f` that is not part of
 * the Filter (the map view's bounding box).
 */
export function filterCondition(sql: Queryable, filter: Filter, also?: SqlFragment): SqlFragment {
	const parts: SqlFragment[] = also ? [also] : [];
	if (filter.from) parts.push(sql`f.documented_on >= ${filter.from}::date`);
	if (filter.to) parts.push(sql`f.documented_on <= ${filter.to}::date`);
	if (filter.country) parts.push(sql`f.country_iso3 = ANY(${sql.array(filter.country)}::char(3)[])`);
	if (filter.category) parts.push(sql`f.category = ANY(${sql.array(filter.category)}::atlas.item_category[])`);
	if (filter.type) parts.push(sql`f.item_type = ANY(${sql.array(filter.type)}::text[])`);
	if (filter.made_in) parts.push(sql`f.made_in_iso3 = ANY(${sql.array(filter.made_in)}::char(3)[])`);
	if (filter.manufacturer) parts.push(sql`f.manufacturer_id = ANY(${sql.array(filter.manufacturer)}::int[])`);
	if (filter.group) parts.push(sql`f.holding_party_id = ANY(${sql.array(filter.group)}::int[])`);
	if (filter.response) parts.push(sql`f.response_classes && ${sql.array(filter.response)}::text[]`);
	if (filter.marking) parts.push(sql`f.marking_state = ANY(${sql.array(filter.marking)}::atlas.marking_state[])`);
	if (filter.case) parts.push(sql`f.case_ids @> ARRAY[${filter.case}::int]`);
	if (filter.consignment) parts.push(sql`f.consignment_id = ${filter.consignment}::int`);
	if (parts.length === 0) return sql`TRUE`;
	return parts.reduce((all, part) => sql`${all} AND ${part}`);
}

/** The Filter without its time range: what an item must be for a request about it to count. */
function withoutTime(filter: Filter): Filter {
	const { from: _from, to: _to, ...rest } = filter;
	return rest;
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
		parts.push(sql`EXISTS (SELECT 1 FROM atlas.trace_request_items ri JOIN atlas.item_facts f ON f.item_id = ri.item_id
			WHERE ri.request_id = r.id AND ${filterCondition(sql, about, also)})`);
	}
	if (parts.length === 0) return sql`TRUE`;
	return parts.reduce((all, part) => sql`${all} AND ${part}`);
}
