import type { Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import summarySql from './summary.sql?raw';
import facetSql from './facet.sql?raw';
import labelsSql from './country-labels.sql?raw';

const summaryQuery = sqlTemplate(summarySql);
const facetQuery = sqlTemplate(facetSql);
const labelsQuery = sqlTemplate(labelsSql);

export interface ExplorerSummary {
	items: number;
	units: number;
	sites: number;
	cases: number;
	routes: number;
}

export async function summarise(tx: Queryable, filter: Filter): Promise<ExplorerSummary> {
	const [row] = await summaryQuery(tx, { filter: filterCondition(tx, filter) });
	return row as unknown as ExplorerSummary;
}

export const FACETS = ['category', 'type', 'country', 'made_in', 'response', 'marking'] as const;
export type Facet = (typeof FACETS)[number];
export interface FacetValue {
	value: string;
	label?: string;
	count: number;
}

function facetValues(tx: Queryable, facet: Facet) {
	switch (facet) {
		case 'category':
			return tx`(SELECT f.category::text)`;
		case 'type':
			return tx`(SELECT f.item_type)`;
		case 'country':
			return tx`(SELECT f.country_iso3::text)`;
		case 'made_in':
			return tx`(SELECT f.made_in_iso3::text)`;
		case 'response':
			return tx`unnest(f.response_classes)`;
		case 'marking':
			return tx`(SELECT f.marking_state::text)`;
	}
}

/**
 * Matching items per value of each facet. Each facet is counted with every other filter
 * applied but not its own, so a list shows what choosing another value would give.
 */
export async function facetCounts(tx: Queryable, filter: Filter): Promise<Record<Facet, FacetValue[]>> {
	const out = {} as Record<Facet, FacetValue[]>;
	for (const facet of FACETS) {
		const { [facet]: _own, ...others } = filter;
		const rows = await facetQuery(tx, { values: facetValues(tx, facet), filter: filterCondition(tx, others), limit: facet === 'type' ? 40 : 100 });
		out[facet] = rows.map((r) => (r.label ? { value: r.value, label: r.label, count: r.count } : { value: r.value, count: r.count }));
	}
	return out;
}

export interface CountryLabel {
	iso3: string;
	name: string;
	conflict: boolean;
	lon: number;
	lat: number;
}

export async function countryLabels(tx: Queryable): Promise<CountryLabel[]> {
	return (await labelsQuery(tx, {})) as unknown as CountryLabel[];
}
