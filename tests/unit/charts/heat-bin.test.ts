import { describe, expect, it } from 'vitest';
import { heatBin } from '../../../src/lib/charts/heat-bin.ts';

describe('heatBin quantises a share into five classes', () => {
	it.each([
		[0, 0],
		[0.049, 0],
		[0.05, 1],
		[0.149, 1],
		[0.15, 2],
		[0.3, 3],
		[0.499, 3],
		[0.5, 4],
		[1, 4],
		[null, null],
		[Number.NaN, null]
	])('%s → %s', (share, bin) => {
		expect(heatBin(share)).toBe(bin);
	});
});
