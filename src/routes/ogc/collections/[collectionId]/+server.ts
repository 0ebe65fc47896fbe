import { collectionDocument, collectionExtents } from '$lib/server/ogc/collections.ts';
import { collectionOf, filteredAnswer } from '$lib/server/ogc/ogc-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const collection = collectionOf(event);
	if (collection instanceof Response) return collection;
	return filteredAnswer(event, async (tx, filter, _page, { origin, translator }) =>
		collectionDocument(collection, await collectionExtents(tx, filter), origin, filter, translator));
};
