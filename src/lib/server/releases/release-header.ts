import { parseReleasePin, RELEASE_PARAM } from '$lib/filter/filter-schema.ts';
import { badRequest } from '../bad-request.ts';
import { dataVersion } from '../db.ts';
import type { Viewer } from '../viewer.ts';
import { currentRelease } from './current-release.ts';

/** The response header naming the data release an answer's figures come from. */
export const RELEASE_HEADER = 'data-release';

// The public reads a citation can pin: the JSON API (downloads included), the tiles and the
// feeds. (Unpinned cached tiles are served by the fast path before SvelteKit,
// db/serve-portal.ts, and carry no release header; a pinned tile comes here.)
const PINNABLE = /^\/(api\/|tiles\/|feed\.atom$|changes\.atom$)/;

export const isPinnable = (path: string) => PINNABLE.test(path);

/**
 * Whether an answer to `url` names its release: every pinnable read but an unpinned tile,
 * which the fast path serves from memory with the same headers as SvelteKit and no database
 * read, so neither names one (a tile's ETag already changes with the data).
 */
export const namesRelease = (url: URL) =>
	isPinnable(url.pathname) && !(url.pathname.startsWith('/tiles/') && !url.searchParams.has(RELEASE_PARAM));

/** A 400 naming `release` when a pinnable request's pin is no release number, else null. */
export function releasePinRefusal(url: URL): Response | null {
	const pin = parseReleasePin(url.searchParams);
	return pin.ok ? null : badRequest(pin.error, RELEASE_PARAM);
}

/**
 * Names the release that answered, unless a pinned answer named its own (pinned-request.ts):
 * the current one, whichever release the request pins (a pinned view never kept is answered
 * with the current data; a client comparing this with its pin can tell). Only on
 * answers that came from the database's current data: a refusal or a 503 names none, nor an
 * answer given while the data version is unknown.
 */
export async function nameAnsweringRelease(viewer: Viewer, response: Response): Promise<void> {
	// Only while the data version is held in memory: then the release is read once per version
	// and is a memory hit after that. Unknown (starting, or the database was lost), reading it
	// would add a database trip to every answer just when the pool is recovering.
	if (response.status >= 400 || response.headers.has(RELEASE_HEADER) || dataVersion().current() === null) return;
	const release = await currentRelease(viewer).catch(() => null);
	if (release) response.headers.set(RELEASE_HEADER, String(release.number));
}
