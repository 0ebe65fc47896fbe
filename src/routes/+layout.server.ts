import { chooseLocale } from '$lib/i18n/index.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ url, request }) => {
	// Derived here from `url` (not only read from locals) so kit re-runs this load when a
	// `?lang=` link changes the language during client-side navigation.
	// The current data release (for citations) is read here once the releases table exists.
	const release: DataRelease | null = null;
	return { locale: chooseLocale(url, request.headers.get('accept-language')), release };
};
