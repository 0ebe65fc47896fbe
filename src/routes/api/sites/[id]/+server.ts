import { json } from '@sveltejs/kit';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { badRequest } from '$lib/server/bad-request.ts';
import { parseRecordId } from '$lib/server/records/record-id.ts';
import { parseSitePage, readSiteDetail } from '$lib/server/records/site-detail.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { RequestHandler } from './$types';

/** The site detail panel: events and items under the Filter, paginated (OpenAPI: records.ts). */
export const GET: RequestHandler = async ({ params, url, locals }) => {
	const id = parseRecordId(params.id);
	if (id === null) return badRequest('id: a whole number from 1 to 2147483647', 'id');
	const parsed = parseFilter(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.error, parsed.field);
	const paging = parseSitePage(url.searchParams);
	if (!paging.ok) return badRequest(paging.error, paging.field);
	const detail = await withViewer(locals.viewer, (tx) => readSiteDetail(tx, id, parsed.filter, paging.page));
	if (!detail) return badRequest(`id: no site ${id}`, 'id', 404);
	return json(detail);
};
