import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { database, dataVersion } from '../db.ts';
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

/** What a tile's answer is the same for, after its version and viewer partition. */
function tileKeyParts(address: TileAddress, filter: Filter): string[] {
	const { layer, z, x, y } = address;
	return [layer, `${z}/${x}/${y}`, canonicalFilter(isFiltered(layer) ? filter : {})];
}

/**
 * A tile answered from memory alone: a 304 or the cached bytes under the data version held
 * in memory (data-version.ts), or null when the database must be asked (version unknown,
 * tile not cached). No transaction, no query: the fast path (src/serve.ts) and the route
 * both start here.
 */
export function cachedTile(viewer: Viewer, address: TileAddress, filter: Filter, ifNoneMatch: string | null): TileResult | null {
	const version = dataVersion().current();
	if (version === null) return null;
	const key = answerKey(version, viewer, ...tileKeyParts(address, filter));
	const etag = etagFor(key);
	if (notModified(ifNoneMatch, etag)) return { status: 304, etag };
	const bytes = tileCache.peek(cacheKeyFor(key));
	if (bytes === undefined) return null;
	if (bytes.byteLength === 0) return { status: 204, etag };
	return { status: 200, etag, gzipped: bytes, cached: true };
}

/** A tile as gzipped MVT bytes, answered from the cache or the database, with its ETag. */
export async function renderTile(viewer: Viewer, address: TileAddress, filter: Filter, ifNoneMatch: string | null): Promise<TileResult> {
	const fromMemory = cachedTile(viewer, address, filter, ifNoneMatch);
	if (fromMemory) return fromMemory;
	const appliedFilter = isFiltered(address.layer) ? filter : {};
	const known = dataVersion().current();
	return withViewer(
		viewer,
		async (tx, snapshot) => {
			// Unknown in memory (starting, or the database was unreachable): this transaction's own.
			const version = known ?? (await snapshot.version);
			const key = answerKey(version, viewer, ...tileKeyParts(address, appliedFilter));
			const etag = etagFor(key);
			if (known === null && notModified(ifNoneMatch, etag)) return { status: 304, etag };
			const { bytes, cached } = await tileCache.get(cacheKeyFor(key), async () => {
				const native = await supportsNativeMvt(database(), tx);
				const mvt = await encodeLayer(tx, native, address.layer, layerRows(tx, address, appliedFilter));
				return mvt.byteLength === 0 ? mvt : new Uint8Array(await gzipAsync(mvt));
			});
			if (bytes.byteLength === 0) return { status: 204, etag };
			return { status: 200, etag, gzipped: bytes, cached };
		},
		// Parallel workers made z6-z8 tiles 2-4x slower on two cores (DESIGN.md, tiles).
		{ serial: true }
	);
}
