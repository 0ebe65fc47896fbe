// RFC 4180 CSV of a chart's table: header of column labels, then one line per row. Numbers
// are written raw (no grouping, full precision) so spreadsheets read them as numbers.
import type { Cell, ChartTable } from './chart-table.ts';

const needsQuotes = /[",\r\n]/;

export function csvCell(value: Cell): string {
	if (value === null) return '';
	const text = typeof value === 'number' ? String(value) : value;
	// A leading =, +, - or @ would run as a formula in a spreadsheet: prefix a quote mark.
	const safe = typeof value === 'string' && /^[=+\-@]/.test(text) ? `'${text}` : text;
	return needsQuotes.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(table: ChartTable): string {
	const lines = [table.columns.map((column) => csvCell(column.label))];
	for (const row of table.rows) lines.push(table.columns.map((column) => csvCell(row[column.key] ?? null)));
	return lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}
