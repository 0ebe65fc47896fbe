import { readPortalFigures } from '$lib/server/portal-figures.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { counts, marks, synthetic } = await readPortalFigures(locals.viewer);
	return { counts, marks, synthetic };
};
