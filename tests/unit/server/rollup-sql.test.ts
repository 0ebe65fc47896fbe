import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../src/lib/filter/filter-schema.ts';
import { canUseRollup, countSource } from '../../../src/lib/server/rollup-sql.ts';

describe('canUseRollup: the rollups answer a Filter only on the keys they carry, and time on year edges', () => {
	it.each<[string, Filter]>([
		['no filter', {}],
		['whole years', { from: '2015-01-01', to: '2017-12-31' }],
		['an open start', { to: '2013-12-31' }],
		['country and category', { country: ['IRQ', 'SYR'], category: ['weapon'] }],
		['three keys', { from: '2014-01-01', country: ['MLI'], category: ['ammunition', 'ied'] }]
	])('answers %s from the rollups', (_, filter) => {
		expect(canUseRollup(filter)).toBe(true);
		expect(countSource(filter)).toBe('rollups');
	});

	it.each<[string, Filter]>([
		['a from inside a year', { from: '2015-03-01' }],
		['a to on a year start', { to: '2015-01-01' }],
		['a from on a year end', { from: '2015-12-31' }],
		['a type', { type: ['rifle'] }],
		['a country of manufacture', { made_in: ['CHN'] }],
		['a marking state', { marking: ['intact'] }],
		['a response class', { response: ['permissive'] }],
		['a manufacturer', { manufacturer: [3] }],
		['an armed group', { group: [7] }],
		['a case', { case: 12 }],
		['a consignment', { consignment: 4 }],
		['a rollup key with one that is not', { country: ['IRQ'], made_in: ['USA'] }]
	])('answers %s from item rows', (_, filter) => {
		expect(canUseRollup(filter)).toBe(false);
		expect(countSource(filter)).toBe('items');
	});
});
