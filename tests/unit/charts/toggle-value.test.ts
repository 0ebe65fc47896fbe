import { describe, expect, it } from 'vitest';
import { toggleValue } from '../../../src/lib/charts/toggle-value.ts';

describe('toggleValue', () => {
	it.each([
		['adds to no list', undefined, 'weapon', ['weapon']],
		['adds to a list', ['ammunition'], 'weapon', ['ammunition', 'weapon']],
		['removes a chosen value', ['ammunition', 'weapon'], 'weapon', ['ammunition']],
		['removing the last value clears the parameter', ['weapon'], 'weapon', undefined]
	] as const)('%s', (_, list, value, expected) => {
		expect(toggleValue(list as string[] | undefined, value)).toEqual(expected);
	});
});
