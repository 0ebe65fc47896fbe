import { describe, expect, it } from 'vitest';
import { flowFeatures, type DrawnFlow } from '$lib/map/flow-layers.ts';
import { FLOW_WIDTHS, flowWidth } from '$lib/map/route-style.ts';
import { greatCirclePath } from '$lib/map/great-circle.ts';

const flow = (source: [number, number], target: [number, number], items: number): DrawnFlow => ({
	flow: { source, target, items } as DrawnFlow['flow'],
	path: greatCirclePath([source, target]),
	width: flowWidth(items)
});

describe('flow widths', () => {
	it('fall on the classes the line layers draw, growing with the items carried', () => {
		const widths = [1, 10, 100, 400, 1000, 2000, 10_000].map(flowWidth);
		for (const width of widths) expect(FLOW_WIDTHS).toContain(width);
		expect([...widths].sort((a, b) => a - b)).toEqual(widths);
		expect(widths[0]).toBe(FLOW_WIDTHS[0]);
		expect(widths.at(-1)).toBe(FLOW_WIDTHS.at(-1));
	});
});

describe('flowFeatures', () => {
	it('gives each flow its line with its width class and one arrowhead', () => {
		const drawn = [flow([4.4, 50.8], [44.4, 33.3], 900), flow([37.6, 55.8], [13.2, 32.9], 16)];
		const features = flowFeatures(drawn, 1.3).features;
		const lines = features.filter((f) => f.geometry.type === 'LineString');
		const arrows = features.filter((f) => f.geometry.type === 'Point');
		expect(lines.map((f) => f.properties)).toEqual([{ width: drawn[0]!.width }, { width: drawn[1]!.width }]);
		expect(arrows).toHaveLength(2);
	});

	it('turns an arrowhead clockwise from east towards the recovery end', () => {
		// Due south (Belgium to Nigeria, roughly on one meridian): a quarter turn clockwise.
		const [south] = flowFeatures([flow([5, 50], [5, 8], 100)], 1).features.filter((f) => f.geometry.type === 'Point');
		expect((south!.properties as { rotate: number }).rotate).toBeCloseTo(90, 0);
		// Due east along the equator: not turned.
		const [east] = flowFeatures([flow([10, 0], [40, 0], 100)], 1).features.filter((f) => f.geometry.type === 'Point');
		expect((east!.properties as { rotate: number }).rotate).toBeCloseTo(0, 5);
	});

	it('puts the arrowhead of a flow across the antimeridian on the map, within ±180°', () => {
		// The USA to the Philippines crosses the Pacific: the path runs past -180°.
		const [arrow] = flowFeatures([flow([-77, 38.9], [121, 14.6], 100)], 1).features.filter((f) => f.geometry.type === 'Point');
		const [lon] = (arrow!.geometry as GeoJSON.Point).coordinates;
		expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
	});
});
