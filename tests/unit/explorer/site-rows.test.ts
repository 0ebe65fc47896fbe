import { describe, expect, it } from 'vitest';
import { firstOrder, nextOrder, sortSites, type SiteRow } from '../../../src/lib/explorer/site-rows.ts';

const rows: SiteRow[] = [
	{ id: 1, name: 'Tikrit', country: 'Iraq', items: 3, units: 30 },
	{ id: 2, name: 'Al Hawija', country: 'Iraq', items: 9, units: 12 },
	{ id: 3, name: 'Élisabethville', country: 'DR Congo', items: 3, units: 500 },
	{ id: 4, name: 'Bashiqa', country: 'Iraq', items: 1, units: 30 }
];
const names = (sorted: SiteRow[]) => sorted.map((row) => row.name);

describe('sortSites orders the visible sites by the column chosen', () => {
	it.each([
		['name', false, ['Al Hawija', 'Bashiqa', 'Élisabethville', 'Tikrit']],
		['name', true, ['Tikrit', 'Élisabethville', 'Bashiqa', 'Al Hawija']],
		['country', false, ['Élisabethville', 'Al Hawija', 'Bashiqa', 'Tikrit']],
		['items', true, ['Al Hawija', 'Élisabethville', 'Tikrit', 'Bashiqa']],
		// Equal units keep name order whichever the direction.
		['units', true, ['Élisabethville', 'Bashiqa', 'Tikrit', 'Al Hawija']],
		['units', false, ['Al Hawija', 'Bashiqa', 'Tikrit', 'Élisabethville']]
	] as const)('%s, descending %s', (column, descending, expected) => {
		expect(names(sortSites(rows, { column, descending }, 'fr'))).toEqual(expected);
	});

	it('starts names A→Z and counts largest first, and reverses on a second choice', () => {
		expect(firstOrder('name')).toEqual({ column: 'name', descending: false });
		expect(firstOrder('units')).toEqual({ column: 'units', descending: true });
		expect(nextOrder({ column: 'units', descending: true }, 'units')).toEqual({ column: 'units', descending: false });
		expect(nextOrder({ column: 'units', descending: false }, 'country')).toEqual({ column: 'country', descending: false });
	});
});
