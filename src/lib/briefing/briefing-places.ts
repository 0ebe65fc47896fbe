// A briefing's selection by name: a region when the Filter's countries are exactly one of the
// form's regions, else the countries' names. Pure, so the page and its server agree.
import type { BriefingCountry } from '$lib/api/briefing.ts';
import type { MessageKey } from '$lib/i18n/index.ts';

/** The countries of a region the form offers (`region` as the Digest names it), or null for an unknown region. */
export function regionCountries(countries: readonly BriefingCountry[], region: string): string[] | null {
	const codes = countries.filter((country) => country.region === region).map((country) => country.iso3);
	return codes.length ? codes.sort() : null;
}

/**
 * The selection by name: the region when the Filter's countries are exactly one region's (as
 * the form writes it), else the countries' names; null when the Filter names no country.
 */
export function selectionPlaces(countries: readonly BriefingCountry[], chosen: readonly string[] | undefined): { region: string | null; names: string[] } | null {
	if (!chosen?.length) return null;
	const regions = new Set(countries.filter((country) => chosen.includes(country.iso3)).map((country) => country.region));
	const [only] = regions;
	if (regions.size === 1 && only) {
		const all = regionCountries(countries, only);
		if (all && all.length === chosen.length && all.length > 1) return { region: only, names: [] };
	}
	const byCode = new Map(countries.map((country) => [country.iso3, country.name]));
	return { region: null, names: chosen.map((code) => byCode.get(code) ?? code) };
}

// The regions as the Diversion Digest names them (countries.digest_region) and their keys.
const REGION_KEYS: Record<string, MessageKey> = {
	Africa: 'briefing.region.Africa',
	Americas: 'briefing.region.Americas',
	Asia: 'briefing.region.Asia',
	Oceania: 'briefing.region.Oceania',
	'Eastern Europe': 'briefing.region.EasternEurope',
	'Northern Europe': 'briefing.region.NorthernEurope',
	'Southern Europe': 'briefing.region.SouthernEurope',
	'Western Europe': 'briefing.region.WesternEurope'
};

/** A region's name in the reader's language; one the catalogue lacks keeps the data's English name. */
export function regionName(region: string, t: (key: MessageKey) => string): string {
	const key = REGION_KEYS[region];
	return key ? t(key) : region;
}

/** The regions of the offered countries, sorted. */
export function regionsOf(countries: readonly BriefingCountry[]): string[] {
	return [...new Set(countries.map((country) => country.region).filter((region): region is string => !!region))].sort();
}
