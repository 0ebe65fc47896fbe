// A briefing's title: the selection by name (a region, countries, or all countries), then
// what and when, in the words the share titles use ("Iraq · All documented items · 2015–2019").
import type { Filter } from '$lib/filter/filter-schema.ts';
import { filterTitle } from '$lib/filter/filter-title.ts';
import type { Translator } from '$lib/i18n/index.ts';
import { regionName } from './briefing-places.ts';

export function briefingTitle(places: { region: string | null; names: string[] } | null, filter: Filter, i18n: Pick<Translator, 't' | 'locale'>): string {
	const { t } = i18n;
	const place = !places ? t('briefing.place.all') : places.region ? regionName(places.region, t) : places.names.join(', ');
	return `${place} · ${filterTitle({ category: filter.category, from: filter.from, to: filter.to }, i18n)}`;
}
