import { countryFlows } from '$lib/server/map/flows.ts';
import { filteredEndpoint } from '$lib/server/http/filtered-endpoint.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => filteredEndpoint(event, (tx, filter) => countryFlows(tx, filter));
