// A record list's rows as a CSV file made in the browser: the rows the reader has narrowed
// the list to, written by the charts' CSV rules (quoting, plain numbers, spreadsheet-safe
// text) so every download of the portal reads the same way.
import type { ChartTable } from '$lib/charts/chart-table.ts';
import { toCsv } from '$lib/charts/to-csv.ts';
import { saveBlob } from '$lib/charts/svg-picture.ts';

export function saveRowsCsv(table: ChartTable, fileName: string): void {
	saveBlob(new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' }), fileName);
}
