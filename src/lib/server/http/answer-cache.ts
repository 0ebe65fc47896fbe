import { LRUCache } from 'lru-cache';
import { database, type Sql } from '../db.ts';

/**
 * Serialised JSON answers of the filtered endpoints (stats, counts, facets, GeoJSON pages),
 * keyed like tiles: database, data version, viewer partition, path and canonical query.
 * A new data version changes every key, so nothing stale is served. An answer stored here is
 * served to every reader of the view, so it must be built from the key's parts only (the
 * canonical filter and page), never from the request's own text.
 */
export const jsonCache = new LRUCache<string, string>({
	maxSize: 64 * 1024 * 1024,
	sizeCalculation: (body) => Math.max(1, body.length)
});

// Answers of different databases must never share a cache entry (tests switch databases in
// one process); each client gets its own tag, prefixed to every cache key (JSON and tiles).
const clientTags = new WeakMap<object, string>();

export function databaseTag(client: Sql): string {
	let tag = clientTags.get(client);
	if (!tag) {
		tag = crypto.randomUUID().slice(0, 8);
		clientTags.set(client, tag);
	}
	return tag;
}

/** The key an answer (JSON or tile bytes) is cached under: the database's tag and its answer key. */
export function cacheKeyFor(answerKey: string): string {
	return `${databaseTag(database())}|${answerKey}`;
}
