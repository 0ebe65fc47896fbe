import { json } from '@sveltejs/kit';
import { badRequest } from '$lib/server/bad-request.ts';
import { readConsignmentDetail } from '$lib/server/records/consignment-detail.ts';
import { parseRecordId } from '$lib/server/records/record-id.ts';
import { withViewer } from '$lib/server/viewer.ts';
import type { RequestHandler } from './$types';

/** A consignment with its origin, transfers, recovery sites and routes (OpenAPI: records.ts). */
export const GET: RequestHandler = async ({ params, locals }) => {
	const id = parseRecordId(params.id);
	if (id === null) return badRequest('id: a whole number from 1 to 2147483647', 'id');
	const detail = await withViewer(locals.viewer, (tx) => readConsignmentDetail(tx, id));
	if (!detail) return badRequest(`id: no consignment ${id}`, 'id', 404);
	return json(detail);
};
