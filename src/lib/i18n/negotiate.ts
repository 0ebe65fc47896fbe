import { defaultLocale, isLocale, type Locale } from './locales.ts';

/**
 * The reader's language: an explicit `?lang=` wins, then the browser's Accept-Language
 * preferences in order of weight, then English. Only the primary subtag is compared,
 * so `fr-CA` is served French.
 */
export function chooseLocale(url: URL, acceptLanguage: string | null): Locale {
	const requested = url.searchParams.get('lang')?.toLowerCase();
	if (isLocale(requested)) return requested;
	for (const tag of rankLanguageTags(acceptLanguage ?? '')) {
		const primary = tag.split('-')[0]?.toLowerCase();
		if (isLocale(primary)) return primary;
	}
	return defaultLocale;
}

/** Accept-Language tags ordered by their q weight, highest first; q=0 means "not this". */
export function rankLanguageTags(header: string): string[] {
	return header
		.split(',')
		.map((part, position) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q === undefined ? 1 : Number(q.slice(2));
			return { tag: tag.trim(), weight: Number.isFinite(weight) ? weight : 0, position };
		})
		.filter(({ tag, weight }) => tag !== '' && tag !== '*' && weight > 0)
		.sort((a, b) => b.weight - a.weight || a.position - b.position)
		.map(({ tag }) => tag);
}
