import { describe, expect, it } from 'vitest';
import { styleDiff } from '../../../src/lib/map/style-diff.ts';

describe('style diff', () => {
	it.each([
		['nothing when nothing changed', { 'circle-radius': 4, 'circle-color': ['get', 'c'] }, { 'circle-radius': 4, 'circle-color': ['get', 'c'] }, []],
		['a changed value, compared by content', { 'circle-color': ['get', 'c'] }, { 'circle-color': ['get', 'd'] }, [['circle-color', ['get', 'd']]]],
		['a new property', {}, { 'circle-opacity': 0.5 }, [['circle-opacity', 0.5]]],
		['a removed property as undefined, so the style default returns', { 'circle-opacity': 0.5, 'circle-radius': 4 }, { 'circle-radius': 4 }, [['circle-opacity', undefined]]]
	])('gives %s', (_name, before, after, expected) => {
		expect(styleDiff(before, after)).toEqual(expected);
	});
});
