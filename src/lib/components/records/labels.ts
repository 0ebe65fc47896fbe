// Helpers the record pages share: links that keep the reader's language, and dates shown
// as precisely as their source gives them. Domain words' keys are in $lib/domain/labels.ts.
import type { MessageKey } from '$lib/i18n/index.ts';
import type { DatePrecision } from '$lib/domain/vocabulary.ts';

/** A link inside the portal that keeps the reader's explicit `?lang=` choice. */
export function recordHref(path: string, url: URL): string {
	const lang = url.searchParams.get('lang');
	return lang ? `${path}?lang=${encodeURIComponent(lang)}` : path;
}

/**
 * A stored date as its source gives it: the day, the month or year only, or "not published"
 * (the stored date is then a placeholder for counting and is never shown).
 */
export function recordDate(t: (key: MessageKey, values?: Record<string, string | number>) => string, date: string, precision: DatePrecision): string {
	switch (precision) {
		case 'unpublished':
			return t('records.date.unpublished');
		case 'year':
			return t('records.approximate', { date: date.slice(0, 4) });
		case 'month':
			return t('records.date.month', { date: date.slice(0, 7) });
		default:
			return date;
	}
}
