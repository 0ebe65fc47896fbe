import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/bad-request.ts';
import { checkMarkingQuery, searchMarkings } from '$lib/server/records/markings-search.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { RequestHandler } from './$types';

/** Serial, lot, factory-code, import-mark and order-number search (OpenAPI: records.ts). */
export const GET: RequestHandler = async ({ url, locals }) => {
	const query = url.searchParams.get('q');
	const check = checkMarkingQuery(query);
	if (!check.ok) return badRequest(check.error, check.field);
	const result = await withViewer(locals.viewer, (tx) => searchMarkings(tx, query ?? '', check.normalised));
	return json(result);
};
