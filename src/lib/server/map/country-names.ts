// Country names in each of the portal's languages. English is the seeded `countries.name`
// (world-countries' common name, or UN M49's where world-countries has none); the other
// languages come from the same package's translations (the bundled table of
// $lib/domain/country-names.ts), so a name is spelled the same on the map, in the panels, in
// the filter and in view titles.
import { countryName } from '$lib/domain/country-names.ts';
import type { Locale } from '$lib/i18n/locales.ts';

export function countryNames(iso3: string, name: string): Record<Locale, string> {
	const french = countryName(iso3, 'fr');
	return { en: name, fr: french === iso3 ? name : french };
}
