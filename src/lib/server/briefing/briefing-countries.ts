import type { BriefingCountry } from '$lib/api/briefing.ts';
import type { Locale } from '$lib/i18n/locales.ts';
import { countryNames } from '../map/country-names.ts';
import { sharedRead } from '../http/shared-read.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import countriesSql from './briefing-countries.sql?raw';

const countriesQuery = sqlTemplate(countriesSql);

/** The countries the form offers, named in `locale` and sorted by that name. */
export async function readBriefingCountries(viewer: Viewer, locale: Locale): Promise<BriefingCountry[]> {
	const rows = await sharedRead(viewer, 'briefing-countries', [], async (tx) =>
		(await countriesQuery(tx)) as unknown as { iso3: string; name: string; region: string | null }[]
	);
	const named = rows.map((row) => ({ iso3: row.iso3, name: countryNames(row.iso3, row.name)[locale], region: row.region }));
	return named.sort((a, b) => a.name.localeCompare(b.name, locale));
}
