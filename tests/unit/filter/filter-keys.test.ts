import { describe, expect, it } from 'vitest';
import { FACET_KEYS, FILTER_KEYS } from '../../../src/lib/filter/filter-schema.ts';
import { FILTER_COLUMNS, TIME_KEYS } from '../../../src/lib/server/filter-columns.ts';
import { FACETS } from '../../../src/lib/server/map/explorer-counts.ts';

describe('the filter key table', () => {
	it('has one row per schema key, and no other', () => {
		expect(Object.keys(FILTER_COLUMNS).sort()).toEqual([...FILTER_KEYS].sort());
	});

	it('counts in the facet query exactly the keys the filter panel lists', () => {
		const withFacet = FILTER_KEYS.filter((key) => 'facet' in FILTER_COLUMNS[key]);
		expect([...FACET_KEYS].sort()).toEqual(withFacet.sort());
		expect(FACETS).toEqual(FACET_KEYS);
	});

	it('keeps the panel order of the facets (a new facet may come anywhere)', () => {
		const panel = ['category', 'type', 'country', 'made_in', 'response', 'marking'];
		expect(FACET_KEYS.filter((key) => panel.includes(key))).toEqual(panel);
	});

	it('names only safe identifiers and casts (they are the only SQL text not in a .sql file)', () => {
		for (const [key, row] of Object.entries(FILTER_COLUMNS)) {
			expect(row.column, key).toMatch(/^[a-z_][a-z0-9_]*$/);
			expect(row.cast, key).toMatch(/^[a-z_.]+(\(\d+\))?$/);
		}
	});

	it('takes the time range from the keys that bound it', () => {
		expect(TIME_KEYS).toEqual(['from', 'to']);
	});
});
