import { chooseLocale } from '$lib/i18n/index.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ url, request }) => {
	// Derived here from `url` (not only read from locals) so kit re-runs this load when a
	// `?lang=` link changes the language during client-side navigation.
	return { locale: chooseLocale(url, request.headers.get('accept-language')) };
};
