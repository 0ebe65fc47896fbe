import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { PageServerLoad } from './$types';

// A test page for MapLayer's lifecycle (tests/e2e/map-layer-lifecycle.spec.ts): served only
// when the portal runs with ATLAS_DEV_PAGES=1 (the test runner sets it); a 404 for readers.
export const load: PageServerLoad = () => {
	if (env.ATLAS_DEV_PAGES !== '1') error(404, 'Not found');
	return {};
};
