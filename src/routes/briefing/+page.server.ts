import { error } from '@sveltejs/kit';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { readBriefingPage } from '$lib/server/briefing/briefing-page.ts';
import { followRegionChoice } from '$lib/server/briefing/region-choice.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = parseFilter(url.searchParams);
	if (!parsed.ok) error(400, parsed.error);
	await followRegionChoice(url, parsed.filter, locals.viewer, locals.locale);
	return {
		filter: parsed.filter,
		...(await readBriefingPage(locals.viewer, parsed.filter, locals.locale)),
		// The document says when it was made; the server's clock, so the PDF and page agree.
		generatedAt: new Date().toISOString()
	};
};
