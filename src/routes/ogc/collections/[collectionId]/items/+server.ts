import { itemsPage } from '$lib/server/ogc/items.ts';
import { collectionOf, filteredAnswer } from '$lib/server/ogc/ogc-endpoint.ts';
import { GEOJSON_TYPE } from '$lib/server/ogc/ogc-links.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const collection = collectionOf(event);
	if (collection instanceof Response) return collection;
	return filteredAnswer(event, (tx, filter, page, { origin, translator }) => itemsPage(tx, collection, filter, page, origin, translator), {
		paged: true,
		contentType: GEOJSON_TYPE
	});
};
