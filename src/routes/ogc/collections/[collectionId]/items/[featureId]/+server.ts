import { collectionOf, featureAnswer } from '$lib/server/ogc/ogc-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const collection = collectionOf(event);
	if (collection instanceof Response) return collection;
	return featureAnswer(event, collection);
};
