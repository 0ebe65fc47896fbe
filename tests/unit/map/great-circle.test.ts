import { describe, expect, it } from 'vitest';
import { greatCirclePath, pathHeading, type Position } from '../../../src/lib/map/great-circle.ts';

const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;

describe('great-circle paths', () => {
	const usa: Position = [-95.7, 37.1];
	const philippines: Position = [121.8, 12.9];

	it('takes a route from the USA to the Philippines across the Pacific, not Africa', () => {
		const path = greatCirclePath([usa, philippines]);
		expect(path.length).toBeGreaterThan(10);
		// Westward the whole way: past Alaska and the Pacific, never over the Atlantic or Africa.
		for (const [lon] of path) expect(wrap(lon) > -20 && wrap(lon) < 60).toBe(false);
		expect(wrap(path.at(-1)![0])).toBeCloseTo(121.8, 5);
		expect(path.at(-1)![1]).toBeCloseTo(12.9, 5);
	});

	it('never jumps more than 180° of longitude between consecutive vertices', () => {
		const fiji: Position = [178.1, -17.8];
		const samoa: Position = [-172.1, -13.8];
		for (const path of [greatCirclePath([usa, philippines]), greatCirclePath([fiji, samoa, fiji]), greatCirclePath([[4.4, 51.2], [13.2, 32.9], [44.4, 33.3]])]) {
			for (let i = 1; i < path.length; i++) expect(Math.abs(path[i]![0] - path[i - 1]![0])).toBeLessThan(180);
		}
		// Fiji to Samoa is a short hop over the antimeridian, not a trip round the world.
		const hop = greatCirclePath([fiji, samoa]);
		expect(hop.at(-1)![0]).toBeCloseTo(187.9, 5);
	});

	it('keeps every vertex of a many-leg route, in order', () => {
		const legs: Position[] = [[4.4, 51.2], [13.2, 32.9], [44.4, 33.3]];
		const path = greatCirclePath(legs);
		for (const vertex of legs) expect(path.some(([lon, lat]) => Math.abs(lon - vertex[0]) < 1e-9 && Math.abs(lat - vertex[1]) < 1e-9)).toBe(true);
		expect(path[0]).toEqual(legs[0]);
	});
});

describe('path headings', () => {
	it('points east along the equator eastwards, north along a meridian northwards, west when reversed', () => {
		expect(pathHeading([[0, 0], [10, 0]], 0.5).angle).toBeCloseTo(0, 5);
		expect(pathHeading([[0, 0], [0, 10]], 0.5).angle).toBeCloseTo(90, 5);
		expect(Math.abs(pathHeading([[10, 0], [0, 0]], 0.5).angle)).toBeCloseTo(180, 5);
	});

	it('sits on the path, between the vertices either side of the fraction asked for', () => {
		const { position } = pathHeading([[0, 0], [10, 0], [20, 0], [30, 0]], 0.66);
		expect(position).toEqual([15, 0]);
	});
});
