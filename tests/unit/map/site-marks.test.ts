import { describe, expect, it } from 'vitest';
import { MAX_CLUSTER_RADIUS, SLICES, labelRadius, markId, markOf, parseMarkId, type SiteCounts } from '../../../src/lib/map/site-marks.ts';
import { radiusForUnits } from '../../../src/lib/map/map-style.ts';

// 9 weapon records of 100 units, 3 ammunition records of 300 rounds.
const site: SiteCounts = {
	sites: 1, items: 12, units: 400, weapon: 100, ammunition: 300, related: 0, ied: 0, dual_use: 0,
	weapon_items: 9, ammunition_items: 3, related_items: 0, ied_items: 0, dual_use_items: 0
};

describe('site marks', () => {
	it('slices a pie by each category’s share of item records, not units, in the key’s order', () => {
		const mark = markOf(site, 'share', 'units', false);
		// By units it would be a quarter weapons and three quarters ammunition.
		expect(mark.slices).toEqual([(SLICES * 3) / 4, SLICES / 4, 0, 0, 0]);
		expect(mark.top).toBe(0); // weapons: most records, though fewer units
		expect(markOf(site, 'top', 'units', false).slices).toEqual([]);
	});

	it('sizes by units or by items, as the key’s circles do', () => {
		expect(markOf(site, 'share', 'units', false).radius).toBe(Math.round(radiusForUnits(400)));
		expect(markOf(site, 'share', 'items', false).radius).toBe(Math.round(radiusForUnits(12)));
	});

	it('writes the site count in a cluster and makes room for it, within the cluster cap', () => {
		const big: SiteCounts = { ...site, sites: 1200, units: 5_000_000, ammunition: 4_999_900 };
		const mark = markOf(big, 'share', 'units', true);
		expect(mark.label).toBe('1.2k');
		expect(mark.radius).toBeLessThanOrEqual(MAX_CLUSTER_RADIUS);
		const small = markOf({ ...site, sites: 250, units: 1, weapon: 0, ammunition: 1 }, 'share', 'units', true);
		expect(small.radius).toBeGreaterThanOrEqual(labelRadius('250'));
		expect(markOf(site, 'share', 'units', true).label).toBe('');
	});

	it('spells the mark out in its image id and reads it back', () => {
		const mark = markOf({ ...site, sites: 7 }, 'share', 'items', true);
		expect(parseMarkId(markId(mark))).toEqual(mark);
		expect(parseMarkId('airport')).toBeNull();
	});
});
