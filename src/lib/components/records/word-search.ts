// The record lists' in-page search: every word typed must appear somewhere in a row's texts
// (name, kind, country, reason ...), compared in the reader's language.
export function searchWords(query: string, locale: string): string[] {
	return query.toLocaleLowerCase(locale).split(/\s+/).filter(Boolean);
}

export function matchesWords(words: readonly string[], texts: readonly string[], locale: string): boolean {
	const haystack = texts.join(' ').toLocaleLowerCase(locale);
	return words.every((word) => haystack.includes(word));
}
