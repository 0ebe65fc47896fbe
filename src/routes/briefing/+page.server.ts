import { error, redirect } from '@sveltejs/kit';
import { canonicalFilter, parseFilter } from '$lib/filter/filter-schema.ts';
import { readBriefingPage } from '$lib/server/briefing/briefing-page.ts';
import { readBriefingCountries } from '$lib/server/briefing/briefing-countries.ts';
import { regionCountries } from '$lib/briefing/briefing-places.ts';
import type { PageServerLoad } from './$types';

// `region` is the form's way to choose a region: not a Filter key, it becomes the region's
// countries in `country` (the one Filter), so every briefing address is a plain Filter.
const REGION = 'region';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseFilter(url.searchParams);
	if (!parsed.ok) error(400, parsed.error);
	const region = url.searchParams.get(REGION);
	if (region && !parsed.filter.country) {
		const codes = regionCountries(await readBriefingCountries(locals.viewer, locals.locale), region);
		if (!codes) error(400, `${REGION}: not one of the regions the form offers`);
		const next = new URLSearchParams(canonicalFilter({ ...parsed.filter, country: codes }));
		const lang = url.searchParams.get('lang');
		if (lang) next.set('lang', lang);
		redirect(303, `/briefing?${next.toString().replaceAll('%2C', ',')}`);
	}
	return {
		filter: parsed.filter,
		...(await readBriefingPage(locals.viewer, parsed.filter, locals.locale)),
		// The document says when it was made; the server's clock, so the PDF and page agree.
		generatedAt: new Date().toISOString()
	};
};
