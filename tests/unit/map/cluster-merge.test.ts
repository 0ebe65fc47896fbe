import { describe, expect, it } from 'vitest';
import { mergeOverlapping, type PlacedCluster } from '../../../src/lib/map/cluster-merge.ts';
import { markOf, type SiteCounts } from '../../../src/lib/map/site-marks.ts';

const counts = (sites: number, units: number, weapon = 0): SiteCounts => ({
	sites, items: sites, units, weapon, ammunition: units - weapon, related: 0, ied: 0, dual_use: 0,
	weapon_items: weapon ? 1 : 0, ammunition_items: sites - (weapon ? 1 : 0), related_items: 0, ied_items: 0, dual_use_items: 0
});
const at = (x: number, y: number, c: SiteCounts): PlacedCluster => ({ x, y, counts: c });
const radius = (c: SiteCounts) => markOf(c, 'share', 'units', true).radius;

function overlaps(list: PlacedCluster[], gap: number) {
	const pairs: string[] = [];
	for (let i = 0; i < list.length; i++)
		for (let j = i + 1; j < list.length; j++)
			if (Math.hypot(list[i]!.x - list[j]!.x, list[i]!.y - list[j]!.y) < radius(list[i]!.counts) + radius(list[j]!.counts) + gap) pairs.push(`${i}-${j}`);
	return pairs;
}

describe('merging overlapping clusters', () => {
	it('leaves clusters that are apart as they are', () => {
		const apart = [at(0, 0, counts(3, 50)), at(100, 0, counts(2, 40))];
		expect(mergeOverlapping(apart, radius)).toHaveLength(2);
	});

	it('merges two that touch into one holding both, at their centre of sites', () => {
		const [one, ...rest] = mergeOverlapping([at(0, 0, counts(3, 5000, 1000)), at(6, 0, counts(1, 100, 100))], radius);
		expect(rest).toHaveLength(0);
		expect(one!.counts).toMatchObject({ sites: 4, units: 5100, weapon: 1100, ammunition: 4000, weapon_items: 2, ammunition_items: 2 });
		expect(one!.x).toBeCloseTo(1.5, 5);
	});

	it('leaves no two marks overlapping however crowded the grid, and keeps every site and unit', () => {
		// A dense 8 px grid (the tiles' cells at z0), with sizes from one site to thousands of units.
		const grid: PlacedCluster[] = [];
		for (let x = 0; x < 20; x++) for (let y = 0; y < 12; y++) grid.push(at(x * 8, y * 8, counts(1 + ((x * y) % 5), 1 + ((x * 37 + y * 101) % 20_000), x % 3)));
		const out = mergeOverlapping(grid, radius);
		expect(overlaps(out, 2)).toEqual([]);
		const sum = (list: PlacedCluster[], key: keyof SiteCounts) => list.reduce((s, c) => s + c.counts[key], 0);
		for (const key of ['sites', 'units', 'weapon'] as const) expect(sum(out, key)).toBe(sum(grid, key));
		expect(out.length).toBeGreaterThan(1);
	});
});
