import { describe, expect, it } from 'vitest';
import { apportion } from '../../../../db/seed/random.ts';

describe('apportion', () => {
	it.each([
		{ total: 10, weights: [1, 1], parts: [5, 5] },
		{ total: 10, weights: [1, 2], parts: [3, 7] },
		{ total: 7, weights: [1, 1, 1], parts: [3, 2, 2] },
		{ total: 1633, weights: [15, 18, 22, 23, 22], parts: [245, 294, 359, 376, 359] },
		{ total: 5, weights: [0, 1], parts: [0, 5] },
		{ total: 0, weights: [3, 4], parts: [0, 0] }
	])('splits $total by $weights into $parts', ({ total, weights, parts }) => {
		expect(apportion(total, weights)).toEqual(parts);
		expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
	});
});
