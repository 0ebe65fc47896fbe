import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { database } from '../db.ts';
import { cacheKeyFor } from '../http/answer-cache.ts';
import { answerKey, etagFor, notModified } from '../http/conditional.ts';
import { withViewer, type Viewer } from '../viewer.ts';
import type { TileAddress } from './tile-address.ts';
import { tileCache } from './tile-cache.ts';
import { encodeLayer, supportsNativeMvt } from './tile-encoder.ts';
import { isFiltered, layerRows } from './tile-layers.ts';

const gzipAsync = promisify(gzip);

export type TileResult =
	| { status: 304; etag: string }
	| { status: 204; etag: string }
	| { status: 200; etag: string; gzipped: Uint8Array; cached: boolean };

/** A tile as gzipped MVT bytes, answered from the cache or the database, with its ETag. */
export function renderTile(viewer: Viewer, address: TileAddress, filter: Filter, ifNoneMatch: string | null): Promise<TileResult> {
	const appliedFilter = isFiltered(address.layer) ? filter : {};
	return withViewer(viewer, async (tx) => {
		// Parallel workers made z6-z8 tiles 2-4x slower on two cores (DESIGN.md, tiles).
		const [{ version }] = await tx`SELECT set_config('max_parallel_workers_per_gather', '0', true),
			(SELECT version FROM atlas.data_version)::text AS version`;
		const { layer, z, x, y } = address;
		const key = answerKey(version, viewer, layer, `${z}/${x}/${y}`, canonicalFilter(appliedFilter));
		const etag = etagFor(key);
		if (notModified(ifNoneMatch, etag)) return { status: 304, etag };
		const { bytes, cached } = await tileCache.get(cacheKeyFor(key), async () => {
			const native = await supportsNativeMvt(database(), tx);
			const mvt = await encodeLayer(tx, native, layer, layerRows(tx, address, appliedFilter));
			return mvt.byteLength === 0 ? mvt : new Uint8Array(await gzipAsync(mvt));
		});
		if (bytes.byteLength === 0) return { status: 204, etag };
		return { status: 200, etag, gzipped: bytes, cached };
	});
}
