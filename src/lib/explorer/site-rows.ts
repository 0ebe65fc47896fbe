// The rows of the list of visible sites and their order: by name or country in the reader's
// alphabet, by items or units largest first; choosing the same column again reverses it.
export interface SiteRow {
	id: number;
	name: string;
	country: string;
	items: number;
	units: number;
}
export const SITE_COLUMNS = ['name', 'country', 'items', 'units'] as const;
export type SiteColumn = (typeof SITE_COLUMNS)[number];
export interface SiteOrder {
	column: SiteColumn;
	descending: boolean;
}

/** Text columns start A→Z, counts largest first: what a reader choosing a column looks for. */
export const firstOrder = (column: SiteColumn): SiteOrder => ({ column, descending: column === 'items' || column === 'units' });

export function nextOrder(current: SiteOrder, column: SiteColumn): SiteOrder {
	return current.column === column ? { column, descending: !current.descending } : firstOrder(column);
}

export function sortSites(rows: readonly SiteRow[], { column, descending }: SiteOrder, locale: string): SiteRow[] {
	const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
	const compare = (a: SiteRow, b: SiteRow) => {
		const primary = column === 'name' || column === 'country' ? collator.compare(a[column], b[column]) : a[column] - b[column];
		// Ties keep one order whatever the direction: by name, then id.
		return (descending ? -primary : primary) || collator.compare(a.name, b.name) || a.id - b.id;
	};
	return [...rows].sort(compare);
}
