import { getContext, setContext } from 'svelte';
import type { Locale } from './locales.ts';
import { translator, type Translator } from './translate.ts';

const key = Symbol('i18n');

/**
 * Components read translations from context rather than a module store: on the server a
 * module-level locale would be shared by every reader's request.
 */
export class I18n implements Translator {
	#current = $derived.by(() => translator(this.#locale()));
	#locale: () => Locale;

	constructor(locale: () => Locale) {
		this.#locale = locale;
	}

	get locale(): Locale {
		return this.#current.locale;
	}
	t: Translator['t'] = (key, values) => this.#current.t(key, values);
	n: Translator['n'] = (value) => this.#current.n(value);
}

/** Called once by the root layout with a getter, so a `?lang=` navigation re-translates. */
export function provideI18n(locale: () => Locale): I18n {
	return setContext(key, new I18n(locale));
}

export function useI18n(): I18n {
	const i18n = getContext<I18n | undefined>(key);
	if (!i18n) throw new Error('useI18n() needs the root layout to call provideI18n()');
	return i18n;
}
