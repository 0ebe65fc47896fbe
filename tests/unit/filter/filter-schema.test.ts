import { describe, expect, it } from 'vitest';
import { daysInMonth, parseFilter } from '../../../src/lib/filter/filter-schema.ts';

const parse = (query: string) => parseFilter(new URLSearchParams(query));

describe('parseFilter refuses what PostgreSQL or JavaScript cannot take, with a code and the field', () => {
	it.each([
		['from=0000', 'from', 'year_zero', { value: '0000' }],
		['to=0000-06-01', 'to', 'year_zero', { value: '0000-06-01' }],
		['from=2019-02-29', 'from', 'no_such_day', { value: '2019-02-29', day: 29, month: 2, year: 2019, days: 28 }],
		['to=2019-04-31', 'to', 'no_such_day', { value: '2019-04-31', day: 31, month: 4, year: 2019, days: 30 }],
		['from=2019-01-00', 'from', 'no_such_day', { value: '2019-01-00', day: 0, month: 1, year: 2019, days: 31 }],
		['from=2019-13-01', 'from', 'no_such_month', { value: '2019-13-01', month: 13 }],
		['from=2019-00-10', 'from', 'no_such_month', { value: '2019-00-10', month: 0 }],
		['from=19', 'from', 'date_format', { value: '19' }],
		['from=2019-1-1', 'from', 'date_format', { value: '2019-1-1' }],
		['from=%2B2019', 'from', 'date_format', { value: '+2019' }],
		['from=2016&to=2015', 'from', 'from_after_to', { from: '2016', to: '2015' }],
		['country=XXX', 'country', 'unknown_country', { value: 'XXX' }],
		['country=IRQ,xyz', 'country', 'unknown_country', { value: 'XYZ' }],
		['made_in=QQQ', 'made_in', 'unknown_country', { value: 'QQQ' }],
		['made_in=Iraq', 'made_in', 'country_format', { value: 'Iraq' }],
		['category=tank', 'category', 'not_allowed', { value: 'tank', allowed: 'weapon, ammunition, related, ied, dual_use' }],
		['case=2147483648', 'case', 'not_id', { value: '2147483648', max: 2147483647 }],
		['consignment=0', 'consignment', 'not_id', { value: '0', max: 2147483647 }],
		['manufacturer=1,-2', 'manufacturer', 'not_id', { value: '-2', max: 2147483647 }],
		['group=1e3', 'group', 'not_id', { value: '1e3', max: 2147483647 }],
		['type=rifle%00', 'type', 'control_character', { value: 'rifle\\u0000' }],
		['type=a%0Ab', 'type', 'control_character', { value: 'a\\u000ab' }],
		['type=a%7Fb', 'type', 'control_character', { value: 'a\\u007fb' }],
		[`type=${'x'.repeat(81)}`, 'type', 'too_long', { value: `${'x'.repeat(40)}…`, max: 80 }],
		[`country=${Array(51).fill('IRQ').join(',')}`, 'country', 'too_many', { count: 51, max: 50 }]
	])('%s → %s %s', (query, field, code, params) => {
		const result = parse(query);
		expect(result).toMatchObject({ ok: false, field, code, params });
		expect(result.ok === false && result.error.startsWith(`${field}: `)).toBe(true);
	});

	it('never echoes a control character or more than 40 characters of a value in its message', () => {
		const result = parse(`type=${'\u0000'.repeat(200)}`);
		expect(result.ok).toBe(false);
		const error = result.ok ? '' : result.error;
		expect(error).not.toMatch(/[\u0000-\u001f]/);
		expect(error.length).toBeLessThan(300);
	});
});

describe('parseFilter accepts every real value, in canonical form', () => {
	it.each([
		['from=2020-02-29&to=2020', { from: '2020-02-29', to: '2020-12-31' }],
		['from=2000-02-29', { from: '2000-02-29' }],
		['from=0001&to=9999', { from: '0001-01-01', to: '9999-12-31' }],
		['country=syr,IRQ,irq&made_in=sun,YUG', { country: ['IRQ', 'SYR'], made_in: ['SUN', 'YUG'] }],
		['case=2147483647&manufacturer=3,1,3', { case: 2147483647, manufacturer: [1, 3] }],
		['type=assault rifle&type=pistol', { type: ['assault rifle', 'pistol'] }],
		['type=بندقية\u202e', { type: ['بندقية\u202e'] }],
		['country=&from=', {}]
	])('%s', (query, filter) => {
		expect(parse(query)).toEqual({ ok: true, filter });
	});
});

describe('daysInMonth follows the proleptic Gregorian calendar PostgreSQL uses', () => {
	it.each([
		[2019, 2, 28], [2020, 2, 29], [1900, 2, 28], [2000, 2, 29], [4, 2, 29], [100, 2, 28], [2019, 4, 30], [2019, 12, 31]
	])('%i-%i has %i days', (year, month, days) => {
		expect(daysInMonth(year, month)).toBe(days);
	});
});
