import { gunzipSync } from 'node:zlib';
import { cacheControl } from '../http/conditional.ts';
import type { Viewer } from '../viewer.ts';
import type { TileResult } from './tile-service.ts';

const MVT = 'application/vnd.mapbox-vector-tile';

/** A tile's status, headers and body as sent: the route and the fast path answer alike. */
export interface TileAnswer {
	status: 200 | 204 | 304;
	headers: Record<string, string>;
	body: Uint8Array | null;
}

/**
 * Tiles are stored gzipped: a reader accepting gzip gets the stored bytes as they are,
 * any other the bytes unzipped (rare: browsers, GDAL and QGIS all accept gzip).
 */
export function tileAnswer(tile: TileResult, viewer: Viewer, acceptEncoding: string | null): TileAnswer {
	const headers: Record<string, string> = {
		etag: tile.etag,
		// Revalidate after a minute: the ETag carries the data version, so a 304 is cheap.
		'cache-control': cacheControl(viewer),
		vary: 'accept-encoding'
	};
	if (tile.status !== 200) return { status: tile.status, headers, body: null };
	headers['content-type'] = MVT;
	headers['x-tile-cache'] = tile.cached ? 'hit' : 'miss';
	if (/\bgzip\b/.test(acceptEncoding ?? '')) {
		headers['content-encoding'] = 'gzip';
		return { status: 200, headers, body: tile.gzipped };
	}
	return { status: 200, headers, body: gunzipSync(tile.gzipped) };
}
