import { describe, expect, it } from 'vitest';
import { answerKey, cacheControl, etagFor, notModified, viewerPartition } from '../../../src/lib/server/http/conditional.ts';

describe('conditional requests: one ETag rule for tiles and JSON answers', () => {
	it('partitions viewers: every public reader alike, each partner country apart, staff apart', () => {
		expect(viewerPartition({ role: 'public' })).toBe('public');
		expect(viewerPartition({ role: 'staff' })).toBe('staff');
		expect(viewerPartition({ role: 'partner', country: 'IRQ' })).toBe('partner:IRQ');
		expect(viewerPartition({ role: 'partner', country: 'IRQ' })).not.toBe(viewerPartition({ role: 'partner', country: 'SYR' }));
	});

	it('gives a different ETag for another data version, partition or query, and the same for the same', () => {
		const etag = (version: string, viewer: Parameters<typeof answerKey>[1], query: string) => etagFor(answerKey(version, viewer, '/api/stats', query));
		const base = etag('7', { role: 'public' }, 'country=IRQ');
		expect(etag('7', { role: 'public' }, 'country=IRQ')).toBe(base);
		expect(etag('8', { role: 'public' }, 'country=IRQ')).not.toBe(base);
		expect(etag('7', { role: 'staff' }, 'country=IRQ')).not.toBe(base);
		expect(etag('7', { role: 'public' }, 'country=SYR')).not.toBe(base);
		expect(base).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
		expect(base).not.toContain('IRQ');
	});

	it.each([
		[null, false],
		['', false],
		['"abc"', true],
		['W/"abc"', true],
		['"x", "abc"', true],
		['"x",W/"abc" ', true],
		['"abcd"', false],
		['abc', false]
	])('If-None-Match %j names "abc": %s', (header, expected) => {
		expect(notModified(header, '"abc"')).toBe(expected);
	});

	it('lets shared caches keep public answers only', () => {
		expect(cacheControl({ role: 'public' })).toBe('public, max-age=60');
		expect(cacheControl({ role: 'partner', country: 'IRQ' })).toBe('private, max-age=60');
		expect(cacheControl({ role: 'staff' })).toBe('private, max-age=60');
	});
});
