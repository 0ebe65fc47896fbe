import { describe, expect, it } from 'vitest';
import { translate, translator } from '../../../src/lib/i18n/translate.ts';

describe('translate', () => {
	it('chooses the plural branch from the count in each language', () => {
		expect(translate('en', 'figures.sites', { count: 1 })).toBe('recovery site');
		expect(translate('en', 'figures.sites', { count: 2 })).toBe('recovery sites');
		// French treats 0 and 1 as singular.
		expect(translate('fr', 'figures.sites', { count: 0 })).toBe('site de récupération');
		expect(translate('fr', 'figures.sites', { count: 5 })).toBe('sites de récupération');
	});

	it('fills placeholders', () => {
		expect(translate('en', 'error.reference', { id: 'abc' })).toBe('Reference for support: abc');
	});

	it('formats numbers with the locale’s grouping', () => {
		expect(translator('en').n(1234567)).toBe('1,234,567');
		// French groups with a narrow no-break space.
		expect(translator('fr').n(1234567).replace(/\s/g, ' ')).toBe('1 234 567');
	});
});
