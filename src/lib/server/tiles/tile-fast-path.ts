import { parseFilter, RELEASE_PARAM } from '$lib/filter/filter-schema.ts';
import { hasSessionCookie } from '../auth/session-cookie.ts';
import { registerFastPath, type FastPath } from '../http/fast-path-registry.ts';
import { headersFor } from '../http/security-headers.ts';
import { anonymousViewer } from '../viewer.ts';
import { parseTileAddress } from './tile-address.ts';
import { tileAnswer } from './tile-answer.ts';
import { cachedTile } from './tile-service.ts';

// /tiles/{layer}/{z}/{x}/{y}.mvt exactly; anything percent-encoded or odd goes to SvelteKit.
const TILE_PATH = /^\/tiles\/([a-z_]+)\/(\d{1,7})\/(\d{1,7})\/(\d{1,7})\.mvt$/;

/**
 * A cached tile or a 304 answered from memory, with the headers SvelteKit's route and hook
 * would send (the portal's server adds server-timing), or null for SvelteKit to answer.
 */
export const tileFromMemory: FastPath = (method, url, headers) => {
	if (method !== 'GET' || url === undefined) return null;
	// Only the anonymous public: a request carrying a session cookie (valid or not) or any
	// other credential is left to SvelteKit, whose hook decides who the viewer is, so a tile
	// cached for the public is never a signed-in reader's answer. Other cookies carry no
	// identity and keep the fast path.
	if (hasSessionCookie(headers.cookie) || headers.authorization !== undefined) return null;
	const query = url.indexOf('?');
	const path = query === -1 ? url : url.slice(0, query);
	const match = TILE_PATH.exec(path);
	if (!match) return null;
	const address = parseTileAddress({ layer: match[1], z: match[2], x: match[3], y: match[4] });
	if (!address.ok) return null;
	const params = new URLSearchParams(query === -1 ? '' : url.slice(query + 1));
	// A tile pinned to a release is answered as of that release, by the hook (pinned-request.ts).
	if (params.has(RELEASE_PARAM)) return null;
	const filter = parseFilter(params);
	if (!filter.ok) return null;
	const ifNoneMatch = headers['if-none-match'] ?? null;
	const tile = cachedTile(anonymousViewer, address.address, filter.filter, ifNoneMatch);
	if (tile === null) return null;
	const answer = tileAnswer(tile, anonymousViewer, headers['accept-encoding'] ?? null);
	Object.assign(answer.headers, headersFor(path));
	return answer;
};

registerFastPath(tileFromMemory);
