import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import type { Locale } from '$lib/i18n/locales.ts';

/** The briefing page of `filter` in `locale`, on `origin`: what the PDF prints and its citation names. */
export function briefingAddress(origin: string, filter: Filter, locale: Locale | null = null): URL {
	const query = canonicalFilter(filter);
	const address = new URL(`/briefing${query ? `?${query}` : ''}`, origin);
	if (locale) address.searchParams.set('lang', locale);
	return address;
}
