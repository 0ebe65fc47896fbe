import { facetCounts } from '$lib/server/map/explorer-counts.ts';
import { filteredEndpoint } from '$lib/server/http/filtered-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => filteredEndpoint(event, (tx, filter) => facetCounts(tx, filter));
