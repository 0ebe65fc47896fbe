// A chart bar under the pointer, as the sites it stands for: the current Filter with that
// one value in place of its own key ("these sites hold pistols, all else as filtered").
import { canonicalFilter, filterSchema, type Filter, type FilterKey } from '$lib/filter/filter-schema.ts';

/** Any Filter key a bar can stand for (its value read by the schema), or a year of the timeline. */
export type HighlightKey = Exclude<FilterKey, 'from' | 'to'> | 'year';

export interface SiteHighlight {
	key: HighlightKey;
	value: string;
	/** What the reader sees on the bar: a category's or a country's name, a year. */
	label: string;
}

export function highlightFilter(filter: Filter, highlight: SiteHighlight): Filter {
	// A year of the timeline stands for the time range of that year.
	if (highlight.key === 'year') return { ...filter, from: `${highlight.value}-01-01`, to: `${highlight.value}-12-31` };
	// Chart bars carry every value as text: the key's own parser reads it (a party id as a
	// number, a code as a one-value list). A value the Filter could not hold highlights nothing.
	const read = filterSchema.shape[highlight.key].safeParse(highlight.value);
	if (!read.success || read.data === undefined) return filter;
	return { ...filter, [highlight.key]: read.data } as Filter;
}

/**
 * The tile query for the highlighted sites, or null when nothing is pointed at or when the
 * bar is already the Filter's only value for its key (the map shows just those sites).
 */
export function highlightQuery(filter: Filter, highlight: SiteHighlight | null): string | null {
	if (!highlight) return null;
	const query = canonicalFilter(highlightFilter(filter, highlight));
	return query === canonicalFilter(filter) ? null : query;
}
