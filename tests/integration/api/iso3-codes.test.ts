// The country codes the Filter accepts are exactly the countries the database holds: a code
// the list lacks would refuse a real country, a code the table lacks would answer empty.
import { expect, it } from 'vitest';
import { ISO3_CODES } from '../../../src/lib/filter/iso3-codes.ts';
import { describeEachBackend } from '../backends.ts';

describeEachBackend('the Filter country codes', (db) => {
	it('equal atlas.countries', async () => {
		const rows = await db()<{ iso3: string }[]>`SELECT iso3::text AS iso3 FROM atlas.countries ORDER BY iso3`;
		expect(rows.length).toBeGreaterThan(240);
		expect([...ISO3_CODES].sort()).toEqual(rows.map((row) => row.iso3));
	});
});
