import { describe, expect, it } from 'vitest';
import type { BriefingCountry } from '../../../src/lib/api/briefing.ts';
import { regionCountries, regionName, regionsOf, selectionPlaces } from '../../../src/lib/briefing/briefing-places.ts';
import { briefingTitle } from '../../../src/lib/briefing/briefing-title.ts';
import { translator } from '../../../src/lib/i18n/index.ts';

const countries: BriefingCountry[] = [
	{ iso3: 'IRQ', name: 'Iraq', region: 'Asia' },
	{ iso3: 'SYR', name: 'Syria', region: 'Asia' },
	{ iso3: 'MLI', name: 'Mali', region: 'Africa' },
	{ iso3: 'UKR', name: 'Ukraine', region: 'Eastern Europe' }
];

describe('regionCountries', () => {
	it('lists a region’s offered countries in code order, and nothing for an unknown region', () => {
		expect(regionCountries(countries, 'Asia')).toEqual(['IRQ', 'SYR']);
		expect(regionCountries(countries, 'Atlantis')).toBeNull();
	});
});

describe('selectionPlaces', () => {
	it.each([
		['no country: the whole evidence base', undefined, null],
		['one country by its name', ['IRQ'], { region: null, names: ['Iraq'] }],
		['exactly a region’s countries: the region', ['IRQ', 'SYR'], { region: 'Asia', names: [] }],
		['countries of two regions: their names', ['IRQ', 'MLI'], { region: null, names: ['Iraq', 'Mali'] }],
		['a one-country region stays the country', ['UKR'], { region: null, names: ['Ukraine'] }],
		['a code the form does not offer keeps its code', ['FRA'], { region: null, names: ['FRA'] }]
	])('%s', (_, chosen, expected) => {
		expect(selectionPlaces(countries, chosen)).toEqual(expected);
	});
});

describe('briefingTitle', () => {
	it('names the selection by name, then what and when, in each language', () => {
		const places = selectionPlaces(countries, ['IRQ']);
		const filter = { country: ['IRQ'], from: '2015-01-01', to: '2019-12-31' };
		expect(briefingTitle(places, filter, translator('en'))).toBe('Iraq · All documented items · 2015–2019');
		expect(briefingTitle(selectionPlaces(countries, ['IRQ', 'SYR']), { ...filter, category: ['weapon'] }, translator('fr'))).toMatch(/^Asie · Armes · 2015–2019$/);
		expect(briefingTitle(null, {}, translator('en'))).toBe('All countries · All documented items');
	});

	it('names every Digest region in French', () => {
		const { t } = translator('fr');
		expect(regionsOf(countries).map((region) => regionName(region, t))).toEqual(['Afrique', 'Asie', "Europe de l'Est"]);
	});
});
