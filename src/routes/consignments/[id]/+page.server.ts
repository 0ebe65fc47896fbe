import { error } from '@sveltejs/kit';
import { readConsignmentDetail } from '$lib/server/records/consignment-detail.ts';
import { parseRecordId } from '$lib/server/records/record-id.ts';
import { sharedRead } from '$lib/server/http/shared-read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = parseRecordId(params.id);
	if (id === null) error(404, 'No such consignment');
	const consignment = await sharedRead(locals.viewer, 'consignment-detail', [String(id)], (tx) => readConsignmentDetail(tx, id));
	if (!consignment) error(404, 'No such consignment');
	return { consignment };
};
