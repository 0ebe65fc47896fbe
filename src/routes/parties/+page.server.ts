import { error, redirect } from '@sveltejs/kit';
import { readFlaggedParties } from '$lib/server/records/flagged-parties.ts';
import { sharedRead } from '$lib/server/http/shared-read.ts';
import type { PageServerLoad } from './$types';

// The only list of parties is the red-flag list: a full list of every party would be
// thousands of rows with nothing to choose by, and search finds a named party.
export const load: PageServerLoad = async ({ url, locals }) => {
	const flagged = url.searchParams.getAll('flagged');
	if (flagged.length === 0) redirect(307, '/parties?flagged=1');
	if (flagged.length > 1 || flagged[0] !== '1') error(400, 'flagged: the only list is flagged=1 (red-flagged parties)');
	const parties = await sharedRead(locals.viewer, 'flagged-parties', [], readFlaggedParties);
	return { parties };
};
