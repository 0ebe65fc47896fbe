import { describe, expect, it } from 'vitest';
import { tickFormat, valueFormat } from '../../../src/lib/charts/tick-format.ts';

describe('valueFormat writes counts and shares in the reader\'s locale', () => {
	it.each([
		['en', 'count', 12345, '12,345'],
		['fr', 'count', 12345, '12\u202f345'],
		['en', 'share', 0.534, '53%'],
		['fr', 'share', 0.534, '53\u202f%'],
		['en', 'share', 0.005, '1%'],
		['en', 'count', 0, '0']
	] as const)('%s %s %d → %s', (locale, kind, value, expected) => {
		expect(valueFormat(locale, kind)(value)).toBe(expected);
	});
});

describe('tickFormat abbreviates large counts only', () => {
	it.each([
		['en', 'count', 9000, '9,000'],
		['en', 'count', 12000, '12k'],
		['en', 'count', 1_250_000, '1.3M'],
		['fr', 'count', 12500, '13k'],
		['en', 'count', 2_000_000_000, '2B'],
		['fr', 'share', 0.25, '25\u202f%']
	] as const)('%s %s %d → %s', (locale, kind, value, expected) => {
		expect(tickFormat(locale, kind)(value)).toBe(expected);
	});
});
