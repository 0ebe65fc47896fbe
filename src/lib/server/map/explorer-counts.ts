import type { Filter } from '$lib/filter/filter-schema.ts';
import { FACET_NAMES as FACETS, type CountryLabelRow, type ExplorerSummary, type FacetName as Facet, type FacetValue } from '$lib/api/map.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import summarySql from './summary.sql?raw';
import facetSql from './facet.sql?raw';
import sharedFacetSql from './facets-shared.sql?raw';
import labelsSql from './country-labels.sql?raw';

const summaryQuery = sqlTemplate(summarySql);
const facetQuery = sqlTemplate(facetSql);
const sharedFacetQuery = sqlTemplate(sharedFacetSql);
const labelsQuery = sqlTemplate(labelsSql);

export async function summarise(tx: Queryable, filter: Filter): Promise<ExplorerSummary> {
	const [row] = await summaryQuery(tx, { filter: filterCondition(tx, filter) });
	return row as unknown as ExplorerSummary;
}

function facetValues(tx: Queryable, facet: Facet) {
	switch (facet) {
		// An item counts once per class it holds, as in the shared scan and as choosing it selects.
		case 'response':
			return tx`(SELECT DISTINCT unnest(f.response_classes))`;
		case 'category':
			return tx`(SELECT f.category::text)`;
		case 'type':
			return tx`(SELECT f.item_type)`;
		case 'country':
			return tx`(SELECT f.country_iso3::text)`;
		case 'made_in':
			return tx`(SELECT f.made_in_iso3::text)`;
		case 'marking':
			return tx`(SELECT f.marking_state::text)`;
	}
}

const LIMITS: Record<Facet, number> = { category: 100, type: 40, country: 100, made_in: 100, response: 100, marking: 100 };

const facetValue = (r: { value: string; label: string | null; count: number }): FacetValue =>
	r.label ? { value: r.value, label: r.label, count: r.count } : { value: r.value, count: r.count };

/**
 * Matching items per value of each facet. Each facet is counted with every other filter
 * applied but not its own, so a list shows what choosing another value would give. Facets
 * not filtered on share one scan; each filtered one gets its own.
 */
export async function facetCounts(tx: Queryable, filter: Filter): Promise<Record<Facet, FacetValue[]>> {
	const out = {} as Record<Facet, FacetValue[]>;
	const ownQuery = FACETS.filter((facet) => filter[facet] !== undefined);
	const shared = FACETS.filter((facet) => !ownQuery.includes(facet));
	if (shared.length) {
		const rows = await sharedFacetQuery(tx, { filter: filterCondition(tx, filter) });
		for (const facet of shared) {
			out[facet] = rows.filter((r) => r.facet === facet).slice(0, LIMITS[facet]).map((r) => facetValue(r as never));
		}
	}
	for (const facet of ownQuery) {
		const { [facet]: _own, ...others } = filter;
		const rows = await facetQuery(tx, { values: facetValues(tx, facet), filter: filterCondition(tx, others), limit: LIMITS[facet] });
		out[facet] = rows.map((r) => facetValue(r as never));
	}
	return Object.fromEntries(FACETS.map((facet) => [facet, out[facet]])) as Record<Facet, FacetValue[]>;
}

export async function countryLabels(tx: Queryable): Promise<CountryLabelRow[]> {
	return (await labelsQuery(tx, {})) as unknown as CountryLabelRow[];
}
