import { describe, expect, it } from 'vitest';
import { downloadName, filterSlug } from '../../../src/lib/exports/download-name.ts';
import { parseFilter } from '../../../src/lib/filter/filter-schema.ts';

const filterOf = (query: string) => {
	const parsed = parseFilter(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.filter;
};
const day = new Date('2026-12-01T17:00:00Z');

describe('filterSlug says the Filter in a file name', () => {
	it.each([
		['', 'all'],
		['country=SYR,IRQ', 'country-irq+syr'],
		['category=weapon&from=2015&to=2019', 'from-2015_01_01-to-2019_12_31-category-weapon'],
		['type=assault rifle,RPG-7', 'type-rpg_7+assault_rifle'],
		['made_in=RUS&case=12', 'madein-rus-case-12']
	])('%j → %s', (query, slug) => {
		expect(filterSlug(filterOf(query))).toBe(slug);
	});

	it('stops at 80 characters without a dangling separator', () => {
		const slug = filterSlug(filterOf(`country=${['AFG', 'IRQ', 'SYR', 'LBY', 'SOM', 'YEM', 'MLI', 'NGA', 'SSD', 'SDN', 'CAF', 'COD', 'UKR', 'NER', 'TCD', 'BFA', 'CMR', 'ETH', 'LBN', 'PAK'].join(',')}`));
		expect(slug.length).toBeLessThanOrEqual(80);
		expect(slug).toMatch(/^country-afg\+bfa.*[a-z]$/);
	});
});

describe('downloadName', () => {
	it('names what the file holds, its Filter, release and day', () => {
		expect(downloadName('items', filterOf('country=IRQ'), { number: 4, releasedOn: '2026-11-30' }, day, 'csv')).toBe('diversion-atlas-items-country-irq-release-4-2026-12-01.csv');
	});
	it('leaves the release out while none is published', () => {
		expect(downloadName('items-by-category', filterOf(''), null, day, 'png')).toBe('diversion-atlas-items-by-category-all-2026-12-01.png');
	});
});
