import { expect, it } from 'vitest';
import { loadCountries } from '../../../db/seed/reference.ts';
import { ISO3_CODES } from '../../../src/lib/filter/iso3-codes.ts';

it('lists exactly the countries the seed loads, sorted and without repeats', () => {
	const seeded = loadCountries().map((country) => country.iso3).sort();
	expect([...ISO3_CODES]).toEqual(seeded);
});
