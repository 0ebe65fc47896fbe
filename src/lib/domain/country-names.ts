// A country's short name in the reader's language, the same in the browser and on the server.
import names from 'virtual:country-names';
import type { Locale } from '$lib/i18n/locales.ts';

/** The name of `iso3` in `locale`; the code itself for a code the names do not know. */
export function countryName(iso3: string, locale: Locale): string {
	return names[iso3]?.[locale] ?? iso3;
}
