// One import row through the shared schema (src/lib/import/row-schema.ts): what each column
// takes, what it makes of it, and the problem code (with its column) for what it refuses.
import { describe, expect, it } from 'vitest';
import { catalogues } from '../../../src/lib/i18n/translate.ts';
import { IMPORT_COLUMNS } from '../../../src/lib/import/columns.ts';
import { IMPORT_PROBLEM_CODES } from '../../../src/lib/import/problems.ts';
import { checkRow, importRowSchema } from '../../../src/lib/import/row-schema.ts';

const schema = importRowSchema('2025-06-30');
const example = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.name, column.example]));
const check = (change: Record<string, string>) => checkRow(schema, { ...example, ...change }, 2);

describe('an import row', () => {
	it('takes the template example row', () => {
		const result = check({});
		expect(result).toMatchObject({ ok: true, row: { country: 'MLI', latitude: 16.2717, longitude: -0.0447, made_in: 'CHN', year_made: 2011, quantity: 1 } });
	});

	it.each([
		['2024', '2024-01-01', 'year'],
		['2024-03', '2024-03-01', 'month'],
		['2024-02-29', '2024-02-29', null]
	])('reads documented_on %s as %s with precision %s', (text, on, precision) => {
		expect(check({ documented_on: text })).toMatchObject({ ok: true, row: { documented_on: on, documented_on_precision: precision } });
	});

	it('fills the defaults of empty optional columns and reads country codes in any case', () => {
		expect(check({ location_precision: '', verification: '', marking_state: '', quantity: '', made_in: 'bel', construction: 'polymer; modular' })).toMatchObject({
			ok: true, row: { location_precision: 'town', verification: 'unverified', marking_state: 'none', quantity: 1, made_in: 'BEL', construction: ['polymer', 'modular'] }
		});
	});

	it.each([
		[{ item_id: '' }, 'item_id', 'required'],
		[{ documented_on: '2023-02-29' }, 'documented_on', 'no_such_day'],
		[{ documented_on: '2025-07-01' }, 'documented_on', 'future_date'],
		[{ documented_on: '12/03/2024' }, 'documented_on', 'date_format'],
		[{ latitude: '-90.5' }, 'latitude', 'latitude_range'],
		[{ longitude: '181' }, 'longitude', 'longitude_range'],
		[{ latitude: '16°N' }, 'latitude', 'not_number'],
		[{ country: 'XKX' }, 'country', 'unknown_country'],
		[{ made_in: 'China' }, 'made_in', 'country_format'],
		[{ category: 'rifle' }, 'category', 'not_allowed'],
		[{ construction: 'polymer;wooden' }, 'construction', 'not_allowed'],
		[{ year_made: '1700' }, 'year_made', 'year_range'],
		[{ quantity: '0' }, 'quantity', 'not_count'],
		[{ source_url: 'ftp://example.org/x' }, 'source_url', 'bad_url'],
		[{ serial_number: 'A\u0000B' }, 'serial_number', 'control_character'],
		[{ item_type: 'x'.repeat(161) }, 'item_type', 'too_long']
	])('refuses %o as %s: %s', (change, column, code) => {
		const result = check(change);
		expect(result.ok).toBe(false);
		expect((result as { problems: { row: number; column: string; code: string }[] }).problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, column, code]]);
	});

	it('has a message for every problem code in every language', () => {
		for (const catalogue of Object.values(catalogues)) {
			expect(IMPORT_PROBLEM_CODES.filter((code) => !(`import.problem.${code}` in catalogue))).toEqual([]);
		}
	});

	it('documents every column and type in every language', () => {
		for (const catalogue of Object.values(catalogues)) {
			const missing = IMPORT_COLUMNS.flatMap((c) => [`import.column.${c.name}`, `import.type.${c.type}`]).filter((key) => !(key in catalogue));
			expect(missing).toEqual([]);
		}
	});
});
