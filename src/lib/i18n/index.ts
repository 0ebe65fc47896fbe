export { locales, defaultLocale, isLocale, localeNames, type Locale } from './locales.ts';
export { chooseLocale } from './negotiate.ts';
export { translate, translator, type MessageKey, type MessageValues, type Translator } from './translate.ts';
export { provideI18n, useI18n } from './context.svelte.ts';
