import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/charts/to-csv.ts';

describe('csvCell quotes only what a CSV reader would split', () => {
	it.each([
		['plain', 'plain'],
		[12345, '12345'],
		[0.5341, '0.5341'],
		[null, ''],
		['Soviet Union (former)', 'Soviet Union (former)'],
		['Congo, Democratic Republic', '"Congo, Democratic Republic"'],
		['the "Libyan Security Force"', '"the ""Libyan Security Force"""'],
		['two\nlines', '"two\nlines"'],
		['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
		['-1 note', "'-1 note"],
		[11 / 39, '0.2821'],
		[0.1 + 0.2, '0.3'],
		[-1.5, '-1.5'],
		[1e21, '1e+21']
	])('%j → %s', (value, expected) => {
		expect(csvCell(value)).toBe(expected);
	});
});

describe('toCsv', () => {
	it.each([
		[
			'header of labels, rows in column order, CRLF line ends',
			{ columns: [{ key: 'v', label: 'Category' }, { key: 'n', label: 'Items' }], rows: [{ n: 3, v: 'weapon' }, { v: 'ammunition', n: 10 }] },
			'Category,Items\r\nweapon,3\r\nammunition,10\r\n'
		],
		['a missing cell is empty', { columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], rows: [{ a: 1 }] }, 'A,B\r\n1,\r\n'],
		['no rows: the header alone', { columns: [{ key: 'a', label: 'Rate, %' }], rows: [] }, '"Rate, %"\r\n']
	])('%s', (_, table, expected) => {
		expect(toCsv(table)).toBe(expected);
	});
});
