import { parseFilter } from '$lib/filter/filter-schema.ts';
import { badRequest } from '$lib/server/bad-request.ts';
import { cacheControl } from '$lib/server/http/conditional.ts';
import { parseTileAddress } from '$lib/server/tiles/tile-address.ts';
import { renderTile } from '$lib/server/tiles/tile-service.ts';
import type { RequestHandler } from './$types';

const MVT = 'application/vnd.mapbox-vector-tile';

export const GET: RequestHandler = async ({ params, url, request, locals }) => {
	const address = parseTileAddress(params);
	if (!address.ok) return badRequest(address.error, address.field, address.status);
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return badRequest(filter.error, filter.field);

	const tile = await renderTile(locals.viewer, address.address, filter.filter, request.headers.get('if-none-match'));
	const headers = new Headers({
		etag: tile.etag,
		// Revalidate after a minute: the ETag carries the data version, so a 304 is cheap.
		'cache-control': cacheControl(locals.viewer),
		vary: 'accept-encoding'
	});
	if (tile.status !== 200) return new Response(null, { status: tile.status, headers });
	headers.set('content-type', MVT);
	headers.set('x-tile-cache', tile.cached ? 'hit' : 'miss');
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		headers.set('content-encoding', 'gzip');
		return new Response(tile.gzipped as BodyInit, { headers });
	}
	const { gunzipSync } = await import('node:zlib');
	return new Response(gunzipSync(tile.gzipped) as BodyInit, { headers });
};
