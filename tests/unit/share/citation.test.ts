import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/lib/i18n/index.ts';
import { citationLine } from '../../../src/lib/share/citation.ts';

const view = { title: 'Ammunition · in IRQ', permalink: 'https://a.example/?category=ammunition&country=IRQ', retrieved: new Date('2026-03-04T12:00:00Z') };

describe('citationLine', () => {
	it('names the release when there is one', () => {
		const { t } = translator('en');
		expect(citationLine({ ...view, release: { number: 7, releasedOn: '2026-02-01' } }, 'en', t)).toBe(
			'Diversion Atlas, Ammunition · in IRQ, https://a.example/?category=ammunition&country=IRQ, data release 7, retrieved March 4, 2026'
		);
	});

	it('leaves the release out when none is recorded, never inventing one', () => {
		const { t } = translator('en');
		const line = citationLine({ ...view, release: null }, 'en', t);
		expect(line).toBe('Diversion Atlas, Ammunition · in IRQ, https://a.example/?category=ammunition&country=IRQ, retrieved March 4, 2026');
	});

	it('writes the date in the reader’s language', () => {
		const { t } = translator('fr');
		expect(citationLine({ ...view, release: { number: 2, releasedOn: '2026-02-01' } }, 'fr', t)).toBe(
			'Diversion Atlas, Ammunition · in IRQ, https://a.example/?category=ammunition&country=IRQ, version des données 2, consulté le 4 mars 2026'
		);
	});
});
