// A Filter said in words, the title of the view it selects: what a citation, an embed, a
// link preview and an oEmbed answer name the view by ("Weapons · in Iraq, Syria · 2015–2019").
// Countries are named in the reader's language from a table built into the bundle, and parties
// by their ids: the words must not depend on a database read, so the browser and the server
// say the same title for the same URL.
import { categoryLabel, markingLabel, responseLabel } from '$lib/domain/labels.ts';
import { countryName } from '$lib/domain/country-names.ts';
import type { Translator } from '$lib/i18n/index.ts';
import type { Filter } from './filter-schema.ts';

type Say = Translator['t'];

const wholeYear = (from: string | undefined, to: string | undefined) =>
	(!from || from.endsWith('-01-01')) && (!to || to.endsWith('-12-31'));

function timeRange(from: string | undefined, to: string | undefined, t: Say): string | null {
	if (!from && !to) return null;
	// Whole years read as years (2015–2019), anything else as the days the reader chose.
	const [start, end] = wholeYear(from, to) ? [from?.slice(0, 4), to?.slice(0, 4)] : [from, to];
	if (start && end) return start === end ? start : t('share.title.between', { from: start, to: end });
	return start ? t('share.title.since', { from: start }) : t('share.title.until', { to: end! });
}

/** The view title of a Filter in the reader's language; the whole evidence base when empty. */
export function filterTitle(filter: Filter, { t, locale }: Pick<Translator, 't' | 'locale'>): string {
	const list = (values: readonly string[]) => values.join(', ');
	const places = (codes: readonly string[]) => list(codes.map((iso3) => countryName(iso3, locale)));
	const ids = (values: readonly number[]) => values.map((id) => `#${id}`).join(', ');
	const parts: (string | null)[] = [
		filter.category ? list(filter.category.map((c) => t(categoryLabel(c)))) : t('share.title.allItems'),
		filter.type ? list(filter.type) : null,
		filter.country ? t('share.title.in', { places: places(filter.country) }) : null,
		filter.made_in ? t('share.title.madeIn', { places: places(filter.made_in) }) : null,
		filter.manufacturer ? t('share.title.manufacturer', { ids: ids(filter.manufacturer) }) : null,
		filter.group ? t('share.title.group', { ids: ids(filter.group) }) : null,
		filter.response ? t('share.title.response', { classes: list(filter.response.map((r) => t(responseLabel(r)))) }) : null,
		filter.marking ? t('share.title.marking', { states: list(filter.marking.map((m) => t(markingLabel(m)))) }) : null,
		filter.case !== undefined ? t('share.title.case', { id: String(filter.case) }) : null,
		filter.consignment !== undefined ? t('share.title.consignment', { id: String(filter.consignment) }) : null,
		timeRange(filter.from, filter.to, t)
	];
	return parts.filter((part): part is string => part !== null).join(' · ');
}
