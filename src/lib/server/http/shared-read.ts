import { LRUCache } from 'lru-cache';
import { dataVersion } from '../db.ts';
import { withViewer, type Viewer, type ViewerOptions, type ViewerTransaction } from '../viewer.ts';
import { cacheKeyFor } from './answer-cache.ts';
import { answerKey } from './conditional.ts';

// Reads many readers share (the portal figures of / and /about, a country's profile, a record
// page): kept per database, data version and viewer partition like the JSON answers, so a page
// view costs no database work until the data changes, and a new version changes every key.
// Kept as values, not JSON, since page data carries Dates. A value is shared by every reader of
// its key: it must be built from the key's parts only, and nobody may change it afterwards.
const values = new LRUCache<string, { value: unknown }>({ max: 2000 });

// Readers asking for the same missing answer at once wait for one read instead of each running
// it: under load, 200 connections opening one country page ran its 2 s of SQL 200 times.
// A read still running after this long is not joined: its connection may have been dropped
// in a way the client never settles (postgres.js, a terminated backend under load), and every
// later reader of its key would wait on it until the data changed. Later readers start their
// own read instead; a slow read meanwhile only costs one more run.
const JOIN_WITHIN_MS = 5_000;
const running = new Map<string, { read: Promise<unknown>; since: number }>();

/** One run of `read` per `key` at a time; callers arriving meanwhile get the same promise. */
export function coalesced<T>(key: string, read: () => Promise<T>): Promise<T> {
	const pending = running.get(key);
	if (pending && performance.now() - pending.since < JOIN_WITHIN_MS) return pending.read as Promise<T>;
	const entry = { read: Promise.resolve() as Promise<unknown>, since: performance.now() };
	const started = read().finally(() => {
		if (running.get(key) === entry) running.delete(key);
	});
	entry.read = started;
	running.set(key, entry);
	return started;
}

/**
 * `read` as `viewer`, answered from memory while the data version it was read at is current.
 * `name` and `args` identify the read (a route and its parameters, already validated);
 * `options` go to withViewer (an aggregate waits for its lane).
 */
export async function sharedRead<T>(
	viewer: Viewer,
	name: string,
	args: readonly string[],
	read: (tx: ViewerTransaction) => Promise<T>,
	options: ViewerOptions = {}
): Promise<T> {
	const keyAt = (version: string) => cacheKeyFor(answerKey(version, viewer, name, ...args));
	const known = dataVersion().current();
	if (known !== null) {
		const key = keyAt(known);
		const hit = values.get(key);
		if (hit) return hit.value as T;
		return coalesced(key, () => readAndKeep(viewer, keyAt, read, options));
	}
	return readAndKeep(viewer, keyAt, read, options);
}

function readAndKeep<T>(viewer: Viewer, keyAt: (version: string) => string, read: (tx: ViewerTransaction) => Promise<T>, options: ViewerOptions): Promise<T> {
	return withViewer(viewer, async (tx, snapshot) => {
		// The version this transaction reads: what it reads is kept under that version.
		const key = keyAt(await snapshot.version);
		const hit = values.get(key);
		if (hit) return hit.value as T;
		const value = await read(tx);
		values.set(key, { value });
		return value;
	}, options);
}
