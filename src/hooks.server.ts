import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { chooseLocale, defaultLocale, translate } from '$lib/i18n/index.ts';
import { closeDatabase } from '$lib/server/db.ts';
import { compressAnswer } from '$lib/server/http/compression.ts';
import { finishUnavailable } from '$lib/server/http/database-unavailable.ts';
import { logFailure } from '$lib/server/log.ts';
import { anonymousViewer } from '$lib/server/viewer.ts';

// Kit sets the Content-Security-Policy itself (svelte.config.js, so it can add nonces);
// these are the rest. Referrer: the portal never tells another site which case was read.
const securityHeaders: Record<string, string> = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'same-origin',
	'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
	'cross-origin-opener-policy': 'same-origin',
	'cross-origin-resource-policy': 'same-origin'
};

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
	// Until sign-in exists every reader is the anonymous public.
	event.locals.viewer = anonymousViewer;
	const started = performance.now();
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => html.replace('%lang%', event.locals.locale)
	});
	// Time to the first byte of the answer, for the browser's network panel and benchmarks.
	if (!response.headers.has('server-timing')) response.headers.set('server-timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
	for (const [name, value] of Object.entries(securityHeaders)) {
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
