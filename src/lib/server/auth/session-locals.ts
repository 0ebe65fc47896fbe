import { isHttpError, type Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from './session-cookie.ts';
import { accountOfSession, type SessionAccount } from './sessions.ts';

// Where an account signed in with a one-time password may go before it has chosen its own.
const PASSWORD_CHANGE_PATHS = new Set(['/account/password', '/logout']);

/**
 * The signed-in account of a request, from its session cookie. A request without the cookie
 * (every anonymous reader) costs no database work; one with it costs one read. A cookie that
 * opens no session is cleared. While the database is unreachable the reader counts as
 * anonymous: what it then reads is public, and its page's own read answers 503 anyway.
 */
export async function signedInAccount(cookies: Cookies, url: URL): Promise<SessionAccount | null> {
	const token = cookies.get(SESSION_COOKIE);
	if (token === undefined) return null;
	let account: SessionAccount | null;
	try {
		account = await accountOfSession(token);
	} catch (failure) {
		if (isHttpError(failure) && failure.status === 503) return null;
		throw failure;
	}
	if (account === null) clearSessionCookie(cookies, url);
	return account;
}

/** Whether `account` must choose a password before it may read or do anything as itself. */
export function heldForPasswordChange(account: SessionAccount | null, url: URL): boolean {
	return account !== null && account.mustChangePassword && !PASSWORD_CHANGE_PATHS.has(url.pathname);
}

export function clearSessionCookie(cookies: Cookies, url: URL): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
}

/**
 * A signed-in reader's answers are for that reader only: a shared cache must not keep them
 * (the partition is in the ETag and the app's cache keys, not in the URL). `public` becomes
 * `private`; an answer without cache headers is not stored at all.
 */
export function keepPrivate(headers: Headers): void {
	const cacheControl = headers.get('cache-control');
	if (cacheControl === null) headers.set('cache-control', 'private, no-store');
	else if (!/\b(private|no-store)\b/.test(cacheControl)) headers.set('cache-control', cacheControl.replace(/\bpublic\b/, 'private').replace(/^(?!.*\bprivate\b)/, 'private, '));
}
