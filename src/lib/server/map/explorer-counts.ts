import { FACET_KEYS, type Filter, type FilterKey } from '$lib/filter/filter-schema.ts';
import { FILTER_COLUMNS, type FilterColumn } from '../filter-columns.ts';
import { filterCondition, type SqlFragment } from '../filter-sql.ts';
import type { CountryLabelRow, ExplorerSummary, FacetName, FacetValue } from '$lib/api/map.ts';
import { countSource, dimensionSlots, siteRollup, type CountSource } from '../rollup-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import summarySql from './summary.sql?raw';
import summaryRollupSql from './summary-rollup.sql?raw';
import summaryDimensionSql from './summary-dimension.sql?raw';
import facetSql from './facet-counts.sql?raw';
import facetRollupSql from './facet-counts-rollup.sql?raw';
import facetDimensionSql from './facet-counts-dimension.sql?raw';
import labelsSql from './country-labels.sql?raw';

const summaryQuery = sqlTemplate(summarySql);
const summaryRollupQuery = sqlTemplate(summaryRollupSql);
const summaryDimensionQuery = sqlTemplate(summaryDimensionSql);
const facetQuery = sqlTemplate(facetSql);
const facetRollupQuery = sqlTemplate(facetRollupSql);
const facetDimensionQuery = sqlTemplate(facetDimensionSql);
const labelsQuery = sqlTemplate(labelsSql);

/** What the Filter selects, in the explorer's counts; `source` is rollup-sql.ts's choice unless a test picks one. */
export async function summarise(tx: Queryable, filter: Filter, source: CountSource = countSource(filter)): Promise<ExplorerSummary> {
	const [row] = await (source === 'rollups'
		? summaryRollupQuery(tx, { filter: filterCondition(tx, filter), site_rollup: siteRollup(tx, filter) })
		: source === 'dimension rollups'
			? summaryDimensionQuery(tx, dimensionSlots(tx, filter))
			: summaryQuery(tx, { filter: filterCondition(tx, filter) }));
	return row as unknown as ExplorerSummary;
}

/** The keys that have a facet expression in the key table. */
export type Facet = { [K in FilterKey]: (typeof FILTER_COLUMNS)[K] extends { facet: object } ? K : never }[FilterKey];
/** The keys the filter panel counts, in its order (the schema's; each has a row with a facet in the key table). */
export const FACETS = FACET_KEYS as readonly Facet[];
// The contract's facet names (src/lib/api/map.ts) are exactly the key table's facets.
const sameFacets: [Facet] extends [FacetName] ? ([FacetName] extends [Facet] ? true : never) : never = true;
void sameFacets;

const facetOf = (facet: Facet) => (FILTER_COLUMNS[facet] as FilterColumn).facet!;
const COUNTRY_FACETS = FACETS.filter((facet) => facetOf(facet).countries);

interface FacetRow {
	facet: Facet | null;
	value: string | null;
	label: string | null;
	count: number;
	holding: number[] | null;
}

/**
 * The facet query's lists for `facets` (see facet-counts.sql): one-value columns are grouping
 * sets named by their facet; array columns are counted per listed value in the grand total.
 */
function facetLists(tx: Queryable, facets: Facet[]) {
	const join = (parts: SqlFragment[]) => parts.reduce((all, part) => tx`${all}, ${part}`);
	const one = facets.filter((facet) => !facetOf(facet).values);
	const many = facets.filter((facet) => facetOf(facet).values);
	// Identifiers: the key table's columns and the fixed aliases v0, v1 ... and a0, a1 ...
	const name = (text: string): SqlFragment => tx`${tx.unsafe(text)}`;
	const column = (facet: Facet) => name(`f.${FILTER_COLUMNS[facet].column}`);
	const v = (i: number) => name(`v${i}`);
	const a = (i: number) => name(`a${i}`);
	const columns = join([...one.map((facet, i) => tx`${column(facet)}::text AS ${v(i)}`), ...many.map((facet, i) => tx`${column(facet)} AS ${a(i)}`)]);
	const sets = join([...one.map((_, i) => tx`(${v(i)})`), tx`()`]);
	const facet = one.length ? tx`CASE ${one.map((facet, i) => tx`WHEN grouping(${v(i)}) = 0 THEN ${facet}::text `)} END` : tx`NULL::text`;
	const value = one.length ? tx`coalesce(${join(one.map((_, i) => v(i)))})` : tx`NULL::text`;
	const counts = many.flatMap((facet, i) => facetOf(facet).values!.map((listed) => tx`count(*) FILTER (WHERE ${listed}::text = ANY(${a(i)}))::int`));
	const holding = counts.length ? tx`ARRAY[${join(counts)}]` : tx`NULL::int[]`;
	return { columns, sets, facet, value, holding, many };
}

/** Counts per (facet, value) of `facets` under `filter`, at most each facet's limit. */
async function countFacets(tx: Queryable, filter: Filter, facets: Facet[], out: Partial<Record<Facet, FacetValue[]>>, source?: CountSource) {
	const chosen = source ?? countSource(filter);
	if (chosen !== 'items') return countFacetsFromRollups(tx, filter, facets, out, chosen);
	const { many, ...lists } = facetLists(tx, facets);
	const rows = (await facetQuery(tx, { filter: filterCondition(tx, filter), ...lists, country_facets: COUNTRY_FACETS })) as unknown as FacetRow[];
	const values = new Map<Facet, FacetValue[]>(facets.map((facet) => [facet, []]));
	for (const row of rows) if (row.facet) values.get(row.facet)!.push(facetValue(row as never));
	// The grand total row: items holding each listed value of each array facet, in list order.
	const holding = rows.find((row) => row.facet === null)?.holding ?? [];
	let next = 0;
	for (const facet of many) {
		const listed = facetOf(facet).values!.map((value) => ({ value, count: holding[next++] ?? 0 }));
		values.set(facet, byCount(listed.filter((v) => v.count > 0)));
	}
	for (const facet of facets) out[facet] = values.get(facet)!.slice(0, facetOf(facet).limit);
}

/** Most items first, then by value as the item path orders an array facet's listed values. */
const byCount = (list: FacetValue[]) => list.sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : x.value > y.value ? 1 : 0));

/** countFacets from the rollups or the dimension rollups: the same lists, each row already one (facet, value) count. */
async function countFacetsFromRollups(
	tx: Queryable,
	filter: Filter,
	facets: Facet[],
	out: Partial<Record<Facet, FacetValue[]>>,
	source: Exclude<CountSource, 'items'>
) {
	const lists = { facets, country_facets: COUNTRY_FACETS };
	const rows = (await (source === 'rollups'
		? facetRollupQuery(tx, { filter: filterCondition(tx, filter), site_rollup: siteRollup(tx, filter), ...lists })
		: facetDimensionQuery(tx, { ...dimensionSlots(tx, filter), ...lists }))) as unknown as FacetRow[];
	for (const facet of facets) {
		const listed = rows.filter((row) => row.facet === facet).map((row) => facetValue(row as never));
		// Array facets list only the values the key table names, ordered as on item rows.
		const names = facetOf(facet).values;
		const kept = names ? byCount(listed.filter((v) => names.includes(v.value))) : listed;
		out[facet] = kept.slice(0, facetOf(facet).limit);
	}
}

const facetValue = (r: { value: string; label: string | null; count: number }): FacetValue =>
	r.label ? { value: r.value, label: r.label, count: r.count } : { value: r.value, count: r.count };

/**
 * Matching items per value of each facet. Each facet is counted with every other filter
 * applied but not its own, so a list shows what choosing another value would give. Facets
 * not filtered on share one scan; each filtered one gets its own.
 */
export async function facetCounts(tx: Queryable, filter: Filter, source?: CountSource): Promise<Record<Facet, FacetValue[]>> {
	const out: Partial<Record<Facet, FacetValue[]>> = {};
	const ownQuery = FACETS.filter((facet) => filter[facet] !== undefined);
	const shared = FACETS.filter((facet) => !ownQuery.includes(facet));
	if (shared.length) await countFacets(tx, filter, shared, out, source);
	// A facet of its own is counted without its key: a source chosen for `filter` may not
	// answer that Filter (the dimension rollups, without their dimension), so only a choice of
	// item rows carries over.
	const ownSource = source === 'items' ? 'items' : undefined;
	for (const facet of ownQuery) {
		const { [facet]: _own, ...others } = filter;
		await countFacets(tx, others, [facet], out, ownSource);
	}
	return Object.fromEntries(FACETS.map((facet) => [facet, out[facet]])) as Record<Facet, FacetValue[]>;
}

export async function countryLabels(tx: Queryable): Promise<CountryLabelRow[]> {
	return (await labelsQuery(tx, {})) as unknown as CountryLabelRow[];
}
