import { describe, expect, it } from 'vitest';
import { fillSteps } from '../../../src/lib/charts/fill-steps.ts';

type Row = { at: number; n: number };
const fill = (rows: Row[], step: number, range?: [number, number]) =>
	fillSteps(rows, (r) => r.at, step, (at) => ({ at, n: 0 }), range).map((r) => `${r.at}:${r.n}`);

describe('fillSteps shows missing years and decades as empty', () => {
	it.each([
		['a missing year', [{ at: 2012, n: 1 }, { at: 2014, n: 5 }], 1, undefined, ['2012:1', '2013:0', '2014:5']],
		['decades', [{ at: 1910, n: 1 }, { at: 1930, n: 7 }], 10, undefined, ['1910:1', '1920:0', '1930:7']],
		['unsorted input comes out in order', [{ at: 2015, n: 2 }, { at: 2014, n: 1 }], 1, undefined, ['2014:1', '2015:2']],
		['a range widens the axis', [{ at: 2015, n: 2 }], 1, [2014, 2016], ['2014:0', '2015:2', '2016:0']],
		['a range alone gives an empty axis', [], 1, [2020, 2021], ['2020:0', '2021:0']],
		['nothing at all', [], 1, undefined, []]
	] as const)('%s', (_, rows, step, range, expected) => {
		expect(fill(rows as unknown as Row[], step, range as [number, number] | undefined)).toEqual(expected);
	});
});
