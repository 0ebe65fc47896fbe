import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../src/lib/filter/filter-schema.ts';
import { filterTitle } from '../../../src/lib/filter/filter-title.ts';
import { translator } from '../../../src/lib/i18n/index.ts';

const titleOf = (query: string, locale: 'en' | 'fr' = 'en') => {
	const parsed = parseFilter(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.error);
	return filterTitle(parsed.filter, translator(locale));
};

describe('filterTitle says a Filter in words', () => {
	it.each([
		['', 'All documented items'],
		['category=weapon,ammunition', 'Ammunition, Weapons'],
		['country=SYR,IRQ&from=2015&to=2019', 'All documented items · in Iraq, Syria · 2015–2019'],
		['from=2016&to=2016', 'All documented items · 2016'],
		['from=2015-03-01', 'All documented items · since 2015-03-01'],
		['to=2019', 'All documented items · until 2019'],
		['made_in=CHN&case=4', 'All documented items · made in China · case 4'],
		['group=3,9&manufacturer=2', 'All documented items · manufacturer #2 · held by #3, #9'],
		['type=pistol&consignment=8', 'All documented items · pistol · consignment 8']
	])('%s → %s', (query, title) => {
		expect(titleOf(query)).toBe(title);
	});

	it('names countries in the reader’s language, by the names the seed gives them', () => {
		expect(titleOf('country=CIV&made_in=DEU', 'fr')).toBe('Tous les objets documentés · récupérés : Côte d\'Ivoire · fabriqués : Allemagne');
	});

	it('names categories and responses from the catalogue, in the reader’s language', () => {
		expect(titleOf('category=ammunition&response=dissuasive', 'fr')).toContain('Munitions');
		expect(titleOf('response=dissuasive')).toContain('trace response: ');
	});
});
