import { collectionExtents, collectionsDocument } from '$lib/server/ogc/collections.ts';
import { filteredAnswer } from '$lib/server/ogc/ogc-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	filteredAnswer(event, async (tx, filter, _page, { origin, translator }) => collectionsDocument(await collectionExtents(tx, filter), origin, filter, translator));
