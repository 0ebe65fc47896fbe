import { describe, expect, it } from 'vitest';
import { chooseLocale, rankLanguageTags } from '../../../src/lib/i18n/negotiate.ts';

const page = (query = '') => new URL(`http://atlas.test/${query}`);

describe('chooseLocale', () => {
	it.each([
		['?lang= wins over the browser', page('?lang=fr'), 'en-GB,en;q=0.9', 'fr'],
		['?lang= is case-insensitive', page('?lang=FR'), null, 'fr'],
		['an unknown ?lang= falls through to the browser', page('?lang=xx'), 'fr-CA,fr;q=0.8', 'fr'],
		['the highest-weighted supported language', page(), 'de;q=0.9,fr;q=0.8,en;q=0.5', 'fr'],
		['weights beat header order', page(), 'en;q=0.4,fr', 'fr'],
		['q=0 excludes a language', page(), 'fr;q=0,en;q=0.1', 'en'],
		['English when nothing matches', page(), 'de,es', 'en'],
		['English without a header', page(), null, 'en'],
		['English for a malformed header', page(), ';;,q=,', 'en']
	])('%s', (_behaviour, url, header, expected) => {
		expect(chooseLocale(url, header)).toBe(expected);
	});
});

describe('rankLanguageTags', () => {
	it('keeps header order among equal weights and drops the wildcard', () => {
		expect(rankLanguageTags('fr-CH, fr;q=0.9, en;q=0.9, *;q=0.5')).toEqual(['fr-CH', 'fr', 'en']);
	});
});
