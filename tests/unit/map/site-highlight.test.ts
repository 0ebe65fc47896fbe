import { describe, expect, it } from 'vitest';
import { highlightFilter, highlightQuery } from '../../../src/lib/map/site-highlight.ts';

describe('site highlight', () => {
	it('puts the pointed value in place of its key and keeps the rest of the filter', () => {
		expect(highlightFilter({ country: ['IRQ'], type: ['rifle', 'pistol'] }, { key: 'type', value: 'mortar', label: 'mortar' })).toEqual({ country: ['IRQ'], type: ['mortar'] });
	});

	it('turns a year of the timeline into that year as the time range', () => {
		expect(highlightFilter({ from: '2016-01-01', to: '2018-12-31', country: ['IRQ'] }, { key: 'year', value: '2020', label: '2020' })).toEqual({ from: '2020-01-01', to: '2020-12-31', country: ['IRQ'] });
	});

	it('turns a holding force bar into its party id', () => {
		expect(highlightFilter({}, { key: 'group', value: '17', label: '17' })).toEqual({ group: [17] });
	});

	it('gives the canonical tile query, or none when nothing is pointed at', () => {
		expect(highlightQuery({ from: '2015-01-01' }, { key: 'made_in', value: 'CHN', label: 'CHN' })).toBe('from=2015-01-01&made_in=CHN');
		expect(highlightQuery({ from: '2015-01-01' }, null)).toBeNull();
	});

	it('adds nothing when the bar is already the only value chosen for its key', () => {
		expect(highlightQuery({ category: ['weapon'] }, { key: 'category', value: 'weapon', label: 'weapon' })).toBeNull();
		expect(highlightQuery({ category: ['weapon', 'ied'] }, { key: 'category', value: 'weapon', label: 'weapon' })).toBe('category=weapon');
	});
});
