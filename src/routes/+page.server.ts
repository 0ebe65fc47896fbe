import { readPortalFigures } from '$lib/server/portal-figures.ts';
import type { PageServerLoad } from './$types';

// Only whether the data is synthetic: the explorer fetches everything else by filter.
// No `url` here, so changing the view never re-runs this load.
export const load: PageServerLoad = async ({ locals }) => {
	const { synthetic } = await readPortalFigures(locals.viewer);
	return { synthetic };
};
