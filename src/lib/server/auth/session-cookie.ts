// The session cookie: its name, its flags, and a check cheap enough for the tile fast path.
// This module holds no state and imports nothing of the app, so db/serve-portal.ts's fast
// path (a module of the bundle) can use it too.

export const SESSION_COOKIE = 'atlas_session';

/** A session lasts this long from sign-in; then the reader signs in again. */
export const SESSION_LIFETIME = { hours: 12, sql: '12 hours' } as const;

/** A token as sessions.ts makes them: 32 random bytes, base64url. */
export const SESSION_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Whether a Cookie header carries a session cookie (valid or not). A request that does may
 * be a signed-in reader's, so no answer made for the public is served to it from memory.
 */
export function hasSessionCookie(cookieHeader: string | undefined): boolean {
	if (cookieHeader === undefined) return false;
	return cookieHeader.split(';').some((pair) => pair.trimStart().startsWith(`${SESSION_COOKIE}=`));
}

/**
 * HttpOnly (no script reads it), SameSite=Lax (not sent on other sites' POSTs), Secure when
 * the portal is reached over HTTPS: `url` is the request's as adapter-node builds it from
 * ORIGIN or PROTOCOL_HEADER (db/serve-portal.ts states plain http when neither is set).
 */
export function sessionCookieOptions(url: URL, expires: Date) {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', expires } as const;
}
