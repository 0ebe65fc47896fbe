import { error, redirect } from '@sveltejs/kit';
import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import type { Locale } from '$lib/i18n/locales.ts';
import { regionCountries } from '$lib/briefing/briefing-places.ts';
import type { Viewer } from '../viewer.ts';
import { readBriefingCountries } from './briefing-countries.ts';

// `region` is the briefing form's way to choose a region: not a Filter key, it becomes the
// region's countries in `country` (the one Filter), so every briefing address is a plain Filter.
export const REGION = 'region';

/**
 * For a `region` without a country: a 303 to the same path with the region's countries, or a
 * 400 naming `region` for one the form does not offer. Returns when there is nothing to do.
 */
export async function followRegionChoice(url: URL, filter: Filter, viewer: Viewer, locale: Locale): Promise<void> {
	const region = url.searchParams.get(REGION);
	if (!region || filter.country) return;
	const codes = regionCountries(await readBriefingCountries(viewer, locale), region);
	if (!codes) error(400, `${REGION}: not one of the regions the form offers`);
	const next = new URLSearchParams(canonicalFilter({ ...filter, country: codes }));
	const lang = url.searchParams.get('lang');
	if (lang) next.set('lang', lang);
	redirect(303, `${url.pathname}?${next.toString().replaceAll('%2C', ',')}`);
}
