import { error } from '@sveltejs/kit';
import { readPartyRecord } from '$lib/server/records/party-record.ts';
import { parseRecordId } from '$lib/server/records/record-id.ts';
import { sharedRead } from '$lib/server/http/shared-read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = parseRecordId(params.id);
	if (id === null) error(404, 'No such party');
	const record = await sharedRead(locals.viewer, 'party-record', [String(id)], (tx) => readPartyRecord(tx, id));
	if (!record) error(404, 'No such party');
	return { record };
};
