import { error } from '@sveltejs/kit';
import { readCaseRecord } from '$lib/server/records/case-record.ts';
import { parseRecordId } from '$lib/server/records/record-id.ts';
import { sharedRead } from '$lib/server/http/shared-read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = parseRecordId(params.id);
	if (id === null) error(404, 'No such case');
	const record = await sharedRead(locals.viewer, 'case-record', [String(id)], (tx) => readCaseRecord(tx, id));
	if (!record) error(404, 'No such case');
	return { record };
};
