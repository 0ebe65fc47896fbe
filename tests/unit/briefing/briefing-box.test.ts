import { describe, expect, it } from 'vitest';
import { briefingBox } from '../../../src/lib/briefing/briefing-box.ts';

describe('briefingBox', () => {
	it.each([
		['nothing to frame', null, null],
		['one site widens to 3° around it', [44, 33, 44, 33], [42.5, 31.5, 45.5, 34.5]],
		['a wide selection stays as it is', [38, 29, 49, 37.5], [38, 29, 49, 37.5]],
		['widening stops at the edges of the map', [179, 84.9, 179.5, 85], [177.75, 83.45, 180, 85]]
	] as const)('%s', (_, sites, expected) => {
		expect(briefingBox(sites as never)).toEqual(expected);
	});
});
