import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { chooseLocale, defaultLocale, translate } from '$lib/i18n/index.ts';
import { closeDatabase } from '$lib/server/db.ts';
import { compressAnswer } from '$lib/server/http/compression.ts';
import { finishUnavailable } from '$lib/server/http/database-unavailable.ts';
import { FRAMEABLE_ROUTE, allowFraming, headersFor, isOpenEndpoint, preflightAnswer, serverTiming } from '$lib/server/http/security-headers.ts';
import '$lib/server/tiles/tile-fast-path.ts';
import { logFailure } from '$lib/server/log.ts';
import { viewerOf } from '$lib/server/auth/account.ts';
import { heldForPasswordChange, keepPrivate, signedInAccount } from '$lib/server/auth/session-locals.ts';
import { isPinnable, nameAnsweringRelease, namesRelease, releasePinRefusal } from '$lib/server/releases/release-header.ts';
import { servePinnable } from '$lib/server/releases/pinned-request.ts';

export const init: ServerInit = () => {
	// adapter-node emits this on SIGTERM/SIGINT once in-flight requests have finished:
	// close the pool so the database sees clean disconnects, not dropped sockets, then tell
	// the launcher (db/start-portal.ts), which stops the embedded database only after this.
	process.once('sveltekit:shutdown', () => {
		void closeDatabase()
			.catch(() => {})
			.finally(() => process.emit('atlas:pool-closed' as never));
	});
};

export const handle: Handle = async ({ event, resolve }) => {
	event.locals.locale = chooseLocale(event.url, event.request.headers.get('accept-language'));
	const started = performance.now();
	// The session cookie's account (one database read; none without the cookie), and the
	// partition every read of this request sees (viewerOf). An account holding a one-time
	// password reads as the public until it has chosen its own.
	const account = await signedInAccount(event.cookies, event.url);
	const held = heldForPasswordChange(account, event.url);
	if (held && event.request.method === 'GET' && !event.isDataRequest && event.request.headers.get('accept')?.includes('text/html')) {
		return new Response(null, { status: 303, headers: { location: '/account/password', 'cache-control': 'no-store' } });
	}
	event.locals.account = held ? null : account;
	event.locals.viewer = viewerOf(event.locals.account);
	// A CORS preflight at a public endpoint is answered here: no route handles OPTIONS.
	if (event.request.method === 'OPTIONS' && isOpenEndpoint(event.url.pathname)) return preflightAnswer();
	const pinnable = isPinnable(event.url.pathname);
	const render = async () => resolve(event, { transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale) });
	// A pinned read is answered as of its release (kept answers, pinned-request.ts).
	const response = pinnable ? releasePinRefusal(event.url) ?? (await servePinnable(event, render)) : await render();
	if (namesRelease(event.url)) await nameAnsweringRelease(event.locals.viewer, response);
	if (!response.headers.has('server-timing')) response.headers.set('server-timing', serverTiming(started));
	if (event.route.id === FRAMEABLE_ROUTE) allowFraming(response.headers);
	if (account !== null) keepPrivate(response.headers);
	for (const [name, value] of Object.entries(headersFor(event.url.pathname))) {
		if (!response.headers.has(name)) response.headers.set(name, value);
	}
	return compressAnswer(event.request, await finishUnavailable(response, event.isDataRequest));
};

export const handleError: HandleServerError = ({ error, event, status }) => {
	const locale = event.locals.locale ?? defaultLocale;
	if (status === 404) return { message: translate(locale, 'error.notFound') };
	const id = logFailure(error, {
		method: event.request.method,
		route: event.route.id,
		path: event.url.pathname,
		status
	});
	return { message: translate(locale, 'error.unexpected'), id };
};
