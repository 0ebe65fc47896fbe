import { LRUCache } from 'lru-cache';

/**
 * Gzipped tiles by (data version, viewer partition, layer, z/x/y, canonical filter), with
 * concurrent misses for one key sharing a single query. Process-wide on purpose: a tile
 * is the same for every reader of the same partition, and a new data version changes
 * every key, so nothing stale is ever served.
 */
export class TileCache {
	private readonly tiles = new LRUCache<string, Uint8Array>({
		maxSize: 128 * 1024 * 1024,
		sizeCalculation: (bytes) => Math.max(1, bytes.byteLength)
	});
	private readonly pending = new Map<string, Promise<Uint8Array>>();

	/** The cached bytes, or undefined; never renders (the memory-only path). */
	peek(key: string): Uint8Array | undefined {
		return this.tiles.get(key);
	}

	async get(key: string, render: () => Promise<Uint8Array>): Promise<{ bytes: Uint8Array; cached: boolean }> {
		const hit = this.tiles.get(key);
		if (hit) return { bytes: hit, cached: true };
		let inFlight = this.pending.get(key);
		if (!inFlight) {
			inFlight = render().finally(() => this.pending.delete(key));
			this.pending.set(key, inFlight);
		}
		const bytes = await inFlight;
		this.tiles.set(key, bytes);
		return { bytes, cached: false };
	}
}

export const tileCache = new TileCache();
