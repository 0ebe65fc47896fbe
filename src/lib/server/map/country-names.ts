// Country names in each of the portal's languages. English is the seeded `countries.name`
// (world-countries' common name); the other languages come from the same maintained package's
// translations, so a name is spelled the same on the map, in the panels and in the filter.
import { createRequire } from 'node:module';
import type { Locale } from '$lib/i18n/locales.ts';

type WorldCountry = { cca3: string; translations: Record<string, { common: string } | undefined> };
const worldCountries = createRequire(import.meta.url)('world-countries') as WorldCountry[];
/** world-countries keys its translations by ISO 639-3. */
const french = new Map(worldCountries.map((country) => [country.cca3, country.translations.fra?.common]));

export function countryNames(iso3: string, name: string): Record<Locale, string> {
	return { en: name, fr: french.get(iso3) ?? name };
}
