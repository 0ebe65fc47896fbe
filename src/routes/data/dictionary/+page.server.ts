import { DATA_LICENCE, describeColumns } from '$lib/server/exports/export-metadata.ts';
import type { PageServerLoad } from './$types';

// The same descriptions the downloads' metadata carry, from the one column list.
export const load: PageServerLoad = ({ locals }) => ({ columns: describeColumns(locals.locale), licence: DATA_LICENCE });
