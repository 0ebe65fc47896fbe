import { filteredEndpoint } from '$lib/server/map/map-endpoint.ts';
import { evidenceStats } from '$lib/server/stats/evidence-stats.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => filteredEndpoint(event, (tx, filter) => evidenceStats(tx, filter));
