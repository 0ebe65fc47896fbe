import { releaseLog } from '$lib/server/releases/release-log.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ releases: await releaseLog(locals.viewer) });
