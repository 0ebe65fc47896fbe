import { describe, expect, it } from 'vitest';
import type { Filter } from '../../../src/lib/filter/filter-schema.ts';
import postgres from 'postgres';
import { canUseRollup, countSource, dimensionChoice, dimensionSlots, siteRollup } from '../../../src/lib/server/rollup-sql.ts';

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
		['a manufacturer', { manufacturer: [3] }],
		['an armed group', { group: [7] }],
		['a case', { case: 12 }],
		['a consignment', { consignment: 4 }],
		['a rollup key with one that is not', { country: ['IRQ'], group: [7] }]
	])('answers %s from item rows', (_, filter) => {
		expect(canUseRollup(filter)).toBe(false);
		expect(countSource(filter)).toBe('items');
	});

	it.each<[string, Filter]>([
		['a type', { type: ['rifle'] }],
		['a country of manufacture', { made_in: ['CHN'] }],
		['a marking state', { marking: ['intact'] }],
		['a response class', { response: ['permissive'] }],
		['a rollup key with a country of manufacture', { country: ['IRQ'], made_in: ['USA'] }]
	])('does not answer %s (the dimension rollups do)', (_, filter) => {
		expect(canUseRollup(filter)).toBe(false);
		expect(countSource(filter)).toBe('dimension rollups');
	});
});

describe('dimensionChoice: the dimension rollups answer a Filter on one item dimension', () => {
	it.each<[string, Filter, { dimension: string; values: string[]; rest: Filter }]>([
		['a country of manufacture', { made_in: ['CHN'] }, { dimension: 'made_in', values: ['CHN'], rest: {} }],
		['several countries of manufacture, with whole years and a category', { made_in: ['CHN', 'SUN'], from: '2012-01-01', to: '2017-12-31', category: ['weapon'] },
			{ dimension: 'made_in', values: ['CHN', 'SUN'], rest: { from: '2012-01-01', to: '2017-12-31', category: ['weapon'] } }],
		['a type in a country', { type: ['assault rifle'], country: ['IRQ'] }, { dimension: 'type', values: ['assault rifle'], rest: { country: ['IRQ'] } }],
		['two marking states', { marking: ['obliterated', 'intact'] }, { dimension: 'marking', values: ['obliterated', 'intact'], rest: {} }],
		['one response class', { response: ['permissive'] }, { dimension: 'response', values: ['permissive'], rest: {} }]
	])('reads %s from it', (_, filter, expected) => {
		expect(dimensionChoice(filter)).toEqual(expected);
		expect(countSource(filter)).toBe('dimension rollups');
	});

	it.each<[string, Filter]>([
		// An item may hold both classes: summing their rows would count it twice.
		['two response classes', { response: ['permissive', 'none'] }],
		['two dimensions', { made_in: ['BGR'], response: ['none'] }],
		['a dimension and a time bound inside a year', { made_in: ['CHN'], from: '2015-03-01' }],
		['a dimension and a case', { made_in: ['CHN'], case: 3 }],
		['an armed group', { group: [7] }]
	])('leaves %s to item rows', (_, filter) => {
		expect(dimensionChoice(filter)).toBeNull();
		expect(countSource(filter)).toBe('items');
	});

	it('leaves a Filter the 018 rollups answer to them', () => {
		expect(dimensionChoice({ country: ['IRQ'], from: '2015-01-01' })).toBeNull();
		expect(countSource({ country: ['IRQ'], from: '2015-01-01' })).toBe('rollups');
	});
});

describe('the per-site rollup a Filter reads: without the year when it has no time range', () => {
	// Never connects: only builds the fragments' text.
	const sql = postgres({ host: '127.0.0.1', port: 1 });
	const table = (fragment: unknown) => (fragment as { strings: string[]; args: { strings: string[] }[] }).args[0]!.strings.join('');

	it.each<[string, Filter, string, string]>([
		['no time range', { made_in: ['CHN'] }, 'atlas.site_total_rollup', 'atlas.site_dimension_total_rollup'],
		['a start year', { made_in: ['CHN'], from: '2015-01-01' }, 'atlas.site_rollup', 'atlas.site_dimension_rollup'],
		['an end year', { type: ['assault rifle'], to: '2016-12-31', country: ['IRQ'] }, 'atlas.site_rollup', 'atlas.site_dimension_rollup']
	])('with %s', (_, filter, perSite, perSiteDimension) => {
		const rest = dimensionChoice(filter)!.rest;
		expect(table(siteRollup(sql, rest))).toBe(perSite);
		expect(table(dimensionSlots(sql, filter).site_dimension_rollup)).toBe(perSiteDimension);
	});
});
