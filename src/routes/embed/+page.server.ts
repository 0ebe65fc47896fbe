import { error } from '@sveltejs/kit';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { parseEmbedOptions } from '$lib/share/embed-options.ts';
import { readPortalFigures } from '$lib/server/portal-figures.ts';
import { readDataDate } from '$lib/server/share/data-date.ts';
import type { PageServerLoad } from './$types';

// The embed never navigates (its map moves and legend switches stay in the frame), so
// reading `url` here costs one load per embed shown.
export const load: PageServerLoad = async ({ url, locals }) => {
	// Refused like the API refuses them: a host page with a wrong embed code shows the reason.
	const options = parseEmbedOptions(url.searchParams);
	if (!options.ok) error(400, options.error);
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) error(400, filter.error);
	const [figures, dataDate] = await Promise.all([readPortalFigures(locals.viewer), readDataDate(locals.viewer)]);
	return { options: options.options, synthetic: figures.synthetic, dataDate };
};
