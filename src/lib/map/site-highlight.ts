// A chart bar under the pointer, as the sites it stands for: the current Filter with that
// one value in place of its own key ("these sites hold pistols, all else as filtered").
import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';

export type HighlightKey = 'category' | 'type' | 'made_in' | 'group' | 'year';

export interface SiteHighlight {
	key: HighlightKey;
	value: string;
	/** What the reader sees on the bar: a category's or a country's name, a year. */
	label: string;
}

export function highlightFilter(filter: Filter, highlight: SiteHighlight): Filter {
	// A year of the timeline stands for the time range of that year.
	if (highlight.key === 'year') return { ...filter, from: `${highlight.value}-01-01`, to: `${highlight.value}-12-31` };
	// Holding forces are filtered by party id; chart bars carry every value as text.
	const value = highlight.key === 'group' ? [Number(highlight.value)] : [highlight.value];
	return { ...filter, [highlight.key]: value } as Filter;
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
