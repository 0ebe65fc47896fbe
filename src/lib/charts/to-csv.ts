// RFC 4180 CSV of a chart's table: header of column labels, then one line per row. Numbers
// are written without grouping so spreadsheets read them as numbers, and to at most
// CSV_DECIMALS places: a rate of 11/39 is 0.2821, not 0.28205128205128205, and a sum of
// floats never shows its binary noise (0.30000000000000004).
import type { Cell, ChartTable } from './chart-table.ts';
import { spreadsheetText } from '$lib/exports/spreadsheet-text.ts';

const needsQuotes = /[",\r\n]/;
export const CSV_DECIMALS = 4;

/** A number as a CSV writes it: whole numbers as they are, others rounded to CSV_DECIMALS. */
export function csvNumber(value: number): string {
	if (Number.isInteger(value)) return String(value);
	// Number(...) drops the trailing zeros toFixed leaves (0.5000 → 0.5).
	return String(Number(value.toFixed(CSV_DECIMALS)));
}

export function csvCell(value: Cell): string {
	if (value === null) return '';
	const text = typeof value === 'number' ? csvNumber(value) : value;
	const safe = typeof value === 'string' ? spreadsheetText(text) : text;
	return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(table: ChartTable): string {
	const lines = [table.columns.map((column) => csvCell(column.label))];
	for (const row of table.rows) lines.push(table.columns.map((column) => csvCell(row[column.key] ?? null)));
	return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
