import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/bad-request.ts';
import { readItemChain } from '$lib/server/records/item-chain.ts';
import { parseRecordId } from '$lib/server/records/record-id.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { RequestHandler } from './$types';

/** One item with its whole trace chain (OpenAPI: records.ts). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const id = parseRecordId(params.id);
	if (id === null) return badRequest('id: a whole number from 1 to 2147483647', 'id');
	const chain = await withViewer(locals.viewer, (tx) => readItemChain(tx, id));
	if (!chain) return badRequest(`id: no item ${id}`, 'id', 404);
	return json(chain);
};
