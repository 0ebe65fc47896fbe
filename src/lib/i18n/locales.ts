/** The languages the portal is translated into; the first is the fallback. */
export const locales = ['en', 'fr'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'en';

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** Each language named in itself, for the language switcher. */
export const localeNames: Record<Locale, string> = { en: 'English', fr: 'Français' };
