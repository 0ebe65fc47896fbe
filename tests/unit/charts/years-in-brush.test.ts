import { describe, expect, it } from 'vitest';
import { yearsInBrush } from '../../../src/lib/charts/years-in-brush.ts';

// Ten years 2012–2021, 20 px bands starting at 0 (centres at 10, 30, 50 …).
const layout = { years: Array.from({ length: 10 }, (_, i) => 2012 + i), start: (y: number) => (y - 2012) * 20, bandwidth: 20 };

describe('yearsInBrush', () => {
	it.each([
		['a span over three centres', [25, 75], { from: 2013, to: 2015 }],
		['the whole axis', [0, 200], { from: 2012, to: 2021 }],
		['exactly on a centre', [50, 50], { from: 2014, to: 2014 }],
		['a small drag inside one band', [42, 48], { from: 2014, to: 2014 }],
		['a drag between two centres picks the band of its middle', [31, 45], { from: 2013, to: 2013 }],
		['… on the other side of a band edge', [35, 49], { from: 2014, to: 2014 }],
		['beyond the last band', [250, 300], { from: 2021, to: 2021 }]
	] as const)('%s', (_, span, expected) => {
		expect(yearsInBrush(layout, span)).toEqual(expected);
	});

	it('no years: nothing to select', () => {
		expect(yearsInBrush({ ...layout, years: [] }, [0, 100])).toBeNull();
	});
});
