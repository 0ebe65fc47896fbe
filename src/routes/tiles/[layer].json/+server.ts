import { parseFilter } from '$lib/filter/filter-schema.ts';
import { translator } from '$lib/i18n/index.ts';
import { badRequest } from '$lib/server/bad-request.ts';
import { cacheControl } from '$lib/server/http/conditional.ts';
import { TILE_LAYERS } from '$lib/server/tiles/tile-manifest.ts';
import { tileJson, tileJsonLayer } from '$lib/server/tiles/tilejson.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ params, url, locals }) => {
	const layer = tileJsonLayer(params.layer);
	if (!layer) return badRequest(`layer: no such tile layer; layers: ${TILE_LAYERS.join(', ')}`, 'layer', 404);
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return badRequest(filter.error, filter.field);
	return new Response(JSON.stringify(tileJson(layer, url.origin, filter.filter, translator(locals.locale))), {
		headers: { 'content-type': 'application/json', 'cache-control': cacheControl(locals.viewer) }
	});
};
