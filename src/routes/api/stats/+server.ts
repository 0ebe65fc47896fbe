import { filteredEndpoint } from '$lib/server/http/filtered-endpoint.ts';
import { evidenceStats } from '$lib/server/stats/evidence-stats.ts';
import type { RequestHandler } from './$types';

// `bbox` (optional) limits the charts to the map view; limit and offset do not apply.
export const GET: RequestHandler = (event) =>
	filteredEndpoint(event, (tx, filter, page) => evidenceStats(tx, filter, page.bbox), { bbox: true });
