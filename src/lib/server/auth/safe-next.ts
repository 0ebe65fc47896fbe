/**
 * Where to go after signing in: `next` when it is a path on this site, else `/`. Refused:
 * absolute URLs, protocol-relative `//host`, backslash tricks browsers read as `//`
 * (`/\host`), and control characters, so a link to /login cannot send a reader elsewhere.
 */
export function safeNextPath(next: string | null | undefined): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(next)) return '/';
	// Resolved against a placeholder origin: whatever it normalises to must stay on it.
	const base = 'http://atlas.invalid';
	const resolved = new URL(next, base);
	if (resolved.origin !== base) return '/';
	return resolved.pathname + resolved.search + resolved.hash;
}
