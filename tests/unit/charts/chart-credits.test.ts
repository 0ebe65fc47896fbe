import { describe, expect, it } from 'vitest';
import { chartCredits } from '../../../src/lib/charts/chart-credits.ts';
import { wrapText } from '../../../src/lib/charts/svg-picture.ts';
import { translator } from '../../../src/lib/i18n/index.ts';

const source = { title: 'Items by category', filterQuery: 'country=IRQ', permalink: 'https://atlas.example/?country=IRQ', release: { number: 3, releasedOn: '2026-11-01' }, synthetic: true, retrievedOn: new Date('2026-12-01T10:00:00Z') };

describe('chartCredits: what a saved chart says about itself', () => {
	it('gives the filter, the source with release and day, and the demo notice', () => {
		expect(chartCredits(translator('en').t, source)).toEqual({
			title: 'Items by category',
			lines: [
				'Filter: country=IRQ',
				'Source: Diversion Atlas, https://atlas.example/?country=IRQ · data release 3 · retrieved 2026-12-01',
				'Demo data: these figures count synthetic rows, not field records.'
			]
		});
	});
	it('says when there is no filter and no release, and drops the demo notice for real data', () => {
		const { lines } = chartCredits(translator('fr').t, { ...source, filterQuery: '', release: null, synthetic: false });
		expect(lines).toEqual(['Filtre : aucun (tous les éléments documentés)', 'Source : Diversion Atlas, https://atlas.example/?country=IRQ · pas encore de version des données · consulté le 2026-12-01']);
	});
});

describe('wrapText breaks at spaces within the width', () => {
	it.each([
		['one two three', 7, ['one two', 'three']],
		['short', 40, ['short']],
		['averyveryverylongword and', 5, ['avery', 'veryv', 'erylo', 'ngwor', 'd and']],
		['see https://atlas.example/?country=IRQ', 12, ['see', 'https://atla', 's.example/?c', 'ountry=IRQ']],
		['', 10, []]
	])('%j at %i', (text, max, lines) => {
		expect(wrapText(text, max)).toEqual(lines);
	});
});
