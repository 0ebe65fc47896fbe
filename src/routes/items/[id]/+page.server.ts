import { error } from '@sveltejs/kit';
import { readItemChain } from '$lib/server/records/item-chain.ts';
import { parseRecordId } from '$lib/server/records/record-id.ts';
import { sharedRead } from '$lib/server/http/shared-read.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const id = parseRecordId(params.id);
	if (id === null) error(404, 'No such item');
	const chain = await sharedRead(locals.viewer, 'item-chain', [String(id)], (tx) => readItemChain(tx, id));
	if (!chain) error(404, 'No such item');
	return { chain };
};
