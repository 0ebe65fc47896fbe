import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import en from './catalogue.en.ts';
import fr from './catalogue.fr.ts';
import type { Locale } from './locales.ts';

/** Every message key, taken from the English catalogue so a typo fails type-checking. */
export type MessageKey = keyof typeof en;
export type MessageValues = Record<string, PrimitiveType>;
export type Catalogue = Record<MessageKey, string>;

export const catalogues: Record<Locale, Catalogue> = { en, fr };

export interface Translator {
	locale: Locale;
	/** The message `key` formatted with ICU MessageFormat (plurals, numbers, selects). */
	t(key: MessageKey, values?: MessageValues): string;
	/** A number in the reader's locale: 12,345 in English, 12 345 in French. */
	n(value: number): string;
}

// Compiled once when the module loads and never changed afterwards, so every request
// shares them safely.
const compiled: Record<Locale, ReadonlyMap<string, IntlMessageFormat>> = {
	en: compile(catalogues.en, 'en'),
	fr: compile(catalogues.fr, 'fr')
};
const numberFormats: Record<Locale, Intl.NumberFormat> = {
	en: new Intl.NumberFormat('en'),
	fr: new Intl.NumberFormat('fr')
};

function compile(catalogue: Catalogue, locale: Locale): ReadonlyMap<string, IntlMessageFormat> {
	return new Map(
		Object.entries(catalogue).map(([key, message]) => [key, new IntlMessageFormat(message, locale)])
	);
}

export function translate(locale: Locale, key: MessageKey, values?: MessageValues): string {
	const message = compiled[locale].get(key) ?? compiled.en.get(key);
	// A missing key shows itself rather than breaking the page; the catalogue test catches it.
	if (!message) return key;
	const formatted = message.format(values);
	return Array.isArray(formatted) ? formatted.join('') : String(formatted);
}

export function translator(locale: Locale): Translator {
	return {
		locale,
		t: (key, values) => translate(locale, key, values),
		n: (value) => numberFormats[locale].format(value)
	};
}
