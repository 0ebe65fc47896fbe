import { describe, expect, it } from 'vitest';
import { hasSessionCookie, sessionCookieOptions } from '../../../../src/lib/server/auth/session-cookie.ts';
import { keepPrivate } from '../../../../src/lib/server/auth/session-locals.ts';

describe('the session cookie', () => {
	it('is HttpOnly, SameSite=Lax, for the whole site, and Secure only over HTTPS', () => {
		const expires = new Date('2030-01-01T00:00:00Z');
		expect(sessionCookieOptions(new URL('https://atlas.example.org/login'), expires)).toEqual({ path: '/', httpOnly: true, sameSite: 'lax', secure: true, expires });
		expect(sessionCookieOptions(new URL('http://127.0.0.1:3000/login'), expires).secure).toBe(false);
	});

	it('is told apart from other cookies by name, wherever it stands in the header', () => {
		expect(hasSessionCookie(undefined)).toBe(false);
		expect(hasSessionCookie('theme=dark; lang=fr')).toBe(false);
		expect(hasSessionCookie('x_atlas_session=1')).toBe(false);
		expect(hasSessionCookie('atlas_session=abc')).toBe(true);
		expect(hasSessionCookie('theme=dark;  atlas_session=abc')).toBe(true);
	});
});

describe('a signed-in reader’s answers', () => {
	it.each([
		['public, max-age=60', 'private, max-age=60'],
		['max-age=3600', 'private, max-age=3600'],
		['private, max-age=60', 'private, max-age=60'],
		['no-store', 'no-store']
	])('turn %s into %s', (given, expected) => {
		const headers = new Headers({ 'cache-control': given });
		keepPrivate(headers);
		expect(headers.get('cache-control')).toBe(expected);
	});

	it('are not stored at all when the answer said nothing', () => {
		const headers = new Headers();
		keepPrivate(headers);
		expect(headers.get('cache-control')).toBe('private, no-store');
	});
});
