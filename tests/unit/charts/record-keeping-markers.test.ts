import { describe, expect, it } from 'vitest';
import { recordKeepingMarkers, yearOnDecadeAxis } from '../../../src/lib/charts/record-keeping-markers.ts';

const age = { weapons: 100, olderThan10: { count: 86, share: 0.86 }, olderThan20: { count: 71, share: 0.71 }, olderThan30: { count: 64, share: 0.64 } };

describe('recordKeepingMarkers', () => {
	it.each([
		[2021, [[10, 'ATT', 2011, 0.86], [20, 'ITI', 2001, 0.71], [30, 'ITI', 1991, 0.64]]],
		[2015, [[10, 'ATT', 2005, 0.86], [20, 'ITI', 1995, 0.71], [30, 'ITI', 1985, 0.64]]]
	])('recovered in %d', (year, expected) => {
		expect(recordKeepingMarkers(year, age).map((m) => [m.years, m.instrument, m.madeBefore, m.share])).toEqual(expected);
	});

	it('keeps a share that could not be computed as null', () => {
		const none = { weapons: 0, olderThan10: { count: 0, share: null }, olderThan20: { count: 0, share: null }, olderThan30: { count: 0, share: null } };
		expect(recordKeepingMarkers(2020, none).map((m) => m.share)).toEqual([null, null, null]);
	});
});

describe('yearOnDecadeAxis', () => {
	// Decades 1980, 1990, 2000 with 30 px bands from 0.
	const start = (decade: number) => ({ 1980: 0, 1990: 30, 2000: 60 })[decade];
	it.each([
		[1980, 0],
		[1991, 33],
		[2005, 75],
		[2011, null]
	])('%d → %s', (year, x) => {
		expect(yearOnDecadeAxis(year, start, 30)).toBe(x);
	});
});
