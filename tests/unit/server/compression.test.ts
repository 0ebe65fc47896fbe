import { describe, expect, it } from 'vitest';
import { chooseCoding, mediaType, varyWithEncoding, weakened } from '../../../src/lib/server/http/compression.ts';

describe('chooseCoding', () => {
	it.each([
		[null, null],
		['', null],
		['identity', null],
		['deflate', null],
		['gzip', 'gzip'],
		['GZIP', 'gzip'],
		['gzip, deflate, br', 'br'],
		['br;q=0, gzip', 'gzip'],
		['gzip;q=0', null],
		['gzip;q=0, br', 'br'],
		['gzip;q=1, br;q=0.5', 'gzip'],
		['*', 'br'],
		['*;q=0', null],
		['*, br;q=0', 'gzip']
	])('%s → %s', (header, coding) => {
		expect(chooseCoding(header)).toBe(coding);
	});
});

describe('varyWithEncoding', () => {
	it.each([
		[null, 'accept-encoding'],
		['', 'accept-encoding'],
		['accept-language', 'accept-language, accept-encoding'],
		['Accept-Encoding', 'Accept-Encoding'],
		['origin, accept-encoding', 'origin, accept-encoding'],
		['*', '*']
	])('%s → %s', (vary, expected) => {
		expect(varyWithEncoding(vary)).toBe(expected);
	});
});

describe('weakened and mediaType', () => {
	it('weakens a strong ETag once and leaves a weak one', () => {
		expect(weakened('"abc"')).toBe('W/"abc"');
		expect(weakened('W/"abc"')).toBe('W/"abc"');
	});
	it.each([
		['application/json', 'application/json'],
		['Application/GEO+JSON; charset=utf-8', 'application/geo+json'],
		['text/html;charset=utf-8', 'text/html'],
		[null, '']
	])('%s → %s', (header, type) => {
		expect(mediaType(header)).toBe(type);
	});
});
