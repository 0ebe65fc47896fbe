import { describe, expect, it } from 'vitest';
import { readingExtremes } from '../../../src/lib/charts/reading-extremes.ts';

type Row = { name: string; rate: number | null; n: number };
const rows: Row[] = [
	{ name: 'Eastern Europe', rate: 0.53, n: 891 },
	{ name: 'Asia', rate: 0.07, n: 326 },
	{ name: 'Oceania', rate: 1, n: 2 },
	{ name: 'Unknown', rate: null, n: 0 },
	{ name: 'Western Europe', rate: 0.53, n: 120 }
];

describe('readingExtremes', () => {
	it.each([
		['highest and lowest ignoring thin rows', rows, 30, ['Eastern Europe', 'Asia']],
		['thin rows count when no minimum is set', rows, 0, ['Oceania', 'Asia']],
		['a tie keeps the first row', rows.filter((r) => r.name.endsWith('Europe')), 0, ['Eastern Europe', 'Eastern Europe']],
		['nothing measurable: no reading', [rows[3]!], 0, null],
		['empty', [], 0, null]
	] as const)('%s', (_, input, min, expected) => {
		const result = readingExtremes(input as Row[], (r) => r.rate, (r) => r.n, min);
		expect(result ? [result.highest.name, result.lowest.name] : null).toEqual(expected);
	});

	it('without weights every row with a value is a candidate', () => {
		expect(readingExtremes([3, 9, 1], (n) => n)).toEqual({ highest: 9, lowest: 1 });
	});
});
