import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/bad-request.ts';
import { parseSuggestionQuery, suggestParties } from '$lib/server/records/party-suggestions.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { RequestHandler } from './$types';

/** Search-as-you-type suggestions of manufacturers and armed groups (OpenAPI: records.ts). */
export const GET: RequestHandler = async ({ url, locals }) => {
	const check = parseSuggestionQuery(url.searchParams);
	if (!check.ok) return badRequest(check.error, check.field);
	return json(await withViewer(locals.viewer, (tx) => suggestParties(tx, check.query)));
};
