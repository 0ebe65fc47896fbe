import { chooseLocale } from '$lib/i18n/index.ts';
import { currentRelease, unlessUnavailable } from '$lib/server/releases/current-release.ts';
import { releasePinFor } from '$lib/server/releases/release-pin.ts';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ url, request, locals }) => {
	// Derived here from `url` (not only read from locals) so kit re-runs this load when a
	// `?lang=` link changes the language during client-side navigation.
	const locale = chooseLocale(url, request.headers.get('accept-language'));
	// The current data release, for the footer and citations, and what the page says when its
	// link cites another (`release=N`); both cached per data version.
	const [release, pin] = await Promise.all([unlessUnavailable(() => currentRelease(locals.viewer)), releasePinFor(locals.viewer, url, locale)]);
	// Who is signed in, for the header (nothing else of the account reaches the browser).
	const account = locals.account && { email: locals.account.email, role: locals.account.role };
	return { locale, release, pin, account };
};
