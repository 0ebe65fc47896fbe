import { describe, expect, it } from 'vitest';
import { canonicalFilter, parseFilter, parseReleasePin } from '../../../src/lib/filter/filter-schema.ts';

const pin = (query: string) => parseReleasePin(new URLSearchParams(query));

describe('a link’s release pin', () => {
	it.each([
		['', null],
		['release=', null],
		['release=1', 1],
		['release=42&country=IRQ', 42]
	])('reads %j as release %j', (query, release) => {
		expect(pin(query)).toEqual({ ok: true, release });
	});

	it.each(['release=0', 'release=-1', 'release=1.5', 'release=first', 'release=99999999999'])('refuses %j naming the field', (query) => {
		const result = pin(query);
		expect(result.ok).toBe(false);
		expect(result).toMatchObject({ field: 'release', error: expect.stringMatching(/^release: /) });
	});

	it('is no Filter key: a pinned view shares the canonical filter, and so the caches, of the unpinned one', () => {
		const pinned = parseFilter(new URLSearchParams('release=3&country=IRQ'));
		const unpinned = parseFilter(new URLSearchParams('country=IRQ'));
		expect(pinned.ok && unpinned.ok && canonicalFilter(pinned.filter)).toBe('country=IRQ');
		expect(pinned).toEqual(unpinned);
	});
});
