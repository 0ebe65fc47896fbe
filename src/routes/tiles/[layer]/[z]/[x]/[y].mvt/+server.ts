import { parseFilter } from '$lib/filter/filter-schema.ts';
import { badRequest } from '$lib/server/bad-request.ts';
import { parseTileAddress } from '$lib/server/tiles/tile-address.ts';
import { tileAnswer } from '$lib/server/tiles/tile-answer.ts';
import { renderTile } from '$lib/server/tiles/tile-service.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	const address = parseTileAddress(params);
	if (!address.ok) return badRequest(address.error, address.field, address.status);
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return badRequest(filter.error, filter.field);

	const tile = await renderTile(locals.viewer, address.address, filter.filter, request.headers.get('if-none-match'));
	const answer = tileAnswer(tile, locals.viewer, request.headers.get('accept-encoding'));
	return new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers });
};
