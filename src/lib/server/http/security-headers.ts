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
