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
