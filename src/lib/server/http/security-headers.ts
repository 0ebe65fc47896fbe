// Kit sets the Content-Security-Policy itself (svelte.config.js, so it can add nonces);
// these are the rest, on every answer: the SvelteKit hook and the tile fast path
// (db/serve-portal.ts) both add them from here. Referrer: the portal never tells another
// site which case was read.
export const securityHeaders: Readonly<Record<string, string>> = Object.freeze({
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
});

// The public, read-only endpoints other sites' maps and tools may read: the API (with the
// exports), the vector tiles and their TileJSON, the OGC API, oEmbed and the Atom feeds
// (browser-based feed readers and embedders fetch them). Pages are not among them.
const OPEN_ENDPOINT = /^\/(?:api|tiles|ogc)(?:\/|$)|^\/(?:oembed|feed\.atom|changes\.atom)$/;

/** Whether a path is a public, read-only endpoint that any origin may read. */
export function isOpenEndpoint(pathname: string): boolean {
	return OPEN_ENDPOINT.test(pathname);
}

// Any origin may read, without credentials (`*` never carries cookies), so the answer is the
// same for every Origin and a shared cache keeps one copy: no `Vary: Origin`. Browser
// scripts may read the headers a client revalidates and backs off with.
const openEndpointHeaders: Readonly<Record<string, string>> = Object.freeze({
	...securityHeaders,
	'cross-origin-resource-policy': 'cross-origin',
	'access-control-allow-origin': '*',
	'access-control-expose-headers': 'data-release, etag, retry-after, server-timing, x-tile-cache'
});

/** The headers every answer at `pathname` carries: the open endpoints' for those, the strict ones elsewhere. */
export function headersFor(pathname: string): Readonly<Record<string, string>> {
	return isOpenEndpoint(pathname) ? openEndpointHeaders : securityHeaders;
}

/**
 * The answer to a CORS preflight (OPTIONS) at an open endpoint: reads only, with the request
 * headers a map or GIS client sends; browsers may keep it for a day.
 */
export function preflightAnswer(): Response {
	return new Response(null, {
		status: 204,
		headers: {
			...openEndpointHeaders,
			'access-control-allow-methods': 'GET, HEAD, OPTIONS',
			'access-control-allow-headers': 'accept, accept-language, content-language, if-none-match, if-modified-since, cache-control, range',
			'access-control-max-age': '86400',
			allow: 'GET, HEAD, OPTIONS',
			'cache-control': 'public, max-age=86400'
		}
	});
}

/** Time to the first byte of the answer, for the browser's network panel and benchmarks. */
export function serverTiming(startedMs: number): string {
	return `app;dur=${(performance.now() - startedMs).toFixed(1)}`;
}

/** The one route other sites may frame (the embed page); every other page keeps `'self'`. */
export const FRAMEABLE_ROUTE = '/embed';

/**
 * Lets other sites frame the embed page: kit writes one CSP for every page (svelte.config.js,
 * `frame-ancestors 'self'`), so the embed page's copy is rewritten to `*`, and its resource
 * policy lets a host page that requires CORP load it. X-Frame-Options is sent nowhere: it
 * cannot say "any site", and frame-ancestors supersedes it where both are understood.
 */
export function allowFraming(headers: Headers): void {
	const policy = headers.get('content-security-policy');
	if (policy) headers.set('content-security-policy', policy.replace(/frame-ancestors [^;]*/, 'frame-ancestors *'));
	headers.set('cross-origin-resource-policy', 'cross-origin');
}
