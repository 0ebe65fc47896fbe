// Number formats for axes, bars and readings in the reader's locale: d3-format does the
// precision, the locale definitions give French its comma and narrow spaces ("53 %").
import { formatLocale, type FormatLocaleDefinition } from 'd3-format';
import type { Locale } from '$lib/i18n/locales.ts';

const definitions: Record<Locale, FormatLocaleDefinition> = {
	en: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''], percent: '%' },
	fr: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', ''], percent: '\u202f%' }
};

export type ValueKind = 'count' | 'share';

/** Whole counts with grouping (12,345), or shares as whole percentages (0.534 → 53%). */
export function valueFormat(locale: Locale, kind: ValueKind): (value: number) => string {
	const format = formatLocale(definitions[locale]).format(kind === 'share' ? '.0%' : ',.0f');
	return (value) => format(value);
}

/** Axis ticks: counts abbreviate from 10,000 on (12k, 1.2M) so labels stay short. */
export function tickFormat(locale: Locale, kind: ValueKind): (value: number) => string {
	const plain = valueFormat(locale, kind);
	if (kind === 'share') return plain;
	const short = formatLocale(definitions[locale]).format('.2~s');
	return (value) => (Math.abs(value) >= 10_000 ? short(value).replace('G', 'B') : plain(value));
}
