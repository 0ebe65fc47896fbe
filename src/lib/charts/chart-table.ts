// What a chart shows, as rows: the one source for its screen-reader table and its CSV, so the
// download always holds exactly the numbers drawn.
export type Cell = string | number | null;

export interface ChartColumn {
	key: string;
	label: string;
	/** 'share' cells are 0–1 fractions: shown as percentages, written to CSV as fractions. */
	kind?: 'text' | 'count' | 'share';
}

export interface ChartTable {
	columns: ChartColumn[];
	rows: Record<string, Cell>[];
}
