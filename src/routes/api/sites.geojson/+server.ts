import { featureCollection } from '$lib/server/map/geojson-collections.ts';
import { filteredEndpoint } from '$lib/server/http/filtered-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	filteredEndpoint(event, (tx, filter, page) => featureCollection(tx, 'sites', filter, page, '/api/sites.geojson'), {
		paged: true,
		contentType: 'application/geo+json'
	});
