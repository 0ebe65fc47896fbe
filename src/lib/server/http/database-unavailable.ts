import { error, isHttpError } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { defaultLocale, translate } from '$lib/i18n/index.ts';

// How long a client should wait before asking again: postgres.js reconnects on the next
// query, and the embedded database's supervisor restarts it within a few seconds.
export const retryAfterSeconds = 5;

// postgres.js's own codes for a connection that is gone or never came, and Node's socket
// codes it passes through.
const connectionCodes = new Set([
	'CONNECTION_CLOSED',
	'CONNECTION_ENDED',
	'CONNECTION_DESTROYED',
	'CONNECT_TIMEOUT',
	'ECONNREFUSED',
	'ECONNRESET',
	'EPIPE',
	'ETIMEDOUT',
	'EHOSTUNREACH',
	'ENETUNREACH',
	'ENOTFOUND',
	'EAI_AGAIN'
]);
// SQLSTATEs of a server that is shutting down, starting up or full: class 08 (connection
// exception), 57P01-57P03 (admin/crash shutdown, cannot connect now), 53300 (too many
// connections).
const unavailableStates = /^(08...|57P0[123]|53300)$/;

/** Whether `failure` means the database cannot be reached, rather than a bad query. */
export function isDatabaseUnavailable(failure: unknown): boolean {
	if (!failure || typeof failure !== 'object') return false;
	const code = (failure as { code?: unknown }).code;
	if (typeof code !== 'string') return false;
	return connectionCodes.has(code) || unavailableStates.test(code);
}

const statusUnavailable = 503;

/**
 * Throws the HttpError a request answers when the database is unreachable: a 503 with a
 * message in the reader's language (a page gets the error page, an API the JSON error
 * shape); the hook adds Retry-After. The cause goes to the log, never to the reader.
 */
export function databaseUnavailable(): never {
	let locale = defaultLocale;
	try {
		locale = getRequestEvent().locals.locale ?? defaultLocale;
	} catch {
		// Called outside a request (a test calling a handler directly): the default language.
	}
	error(statusUnavailable, { message: translate(locale, 'error.databaseUnavailable') });
}

/** Runs `work`; a failure to reach the database becomes the 503 HttpError. */
export async function orUnavailable<T>(work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (failure) {
		if (isHttpError(failure) || !isDatabaseUnavailable(failure)) throw failure;
		noteUnavailable(failure);
		databaseUnavailable();
	}
}

// One log line per outage burst, not one per request: an outage under load would
// otherwise write thousands of identical lines.
const logEveryMs = 5_000;
const outage = { lastLogged: 0, suppressed: 0 };

function noteUnavailable(failure: unknown): void {
	const now = Date.now();
	if (now - outage.lastLogged < logEveryMs) {
		outage.suppressed++;
		return;
	}
	const code = (failure as { code?: string }).code;
	const more = outage.suppressed ? `; ${outage.suppressed} more requests answered 503 since the last line` : '';
	console.error(`[db] database unavailable (${code}): answering 503 with Retry-After ${retryAfterSeconds}s${more}`);
	outage.lastLogged = now;
	outage.suppressed = 0;
}

/**
 * What the hook does to every 503: tell the client when to come back, never cache it, and
 * give API clients the `{ error }` shape every other API failure has (kit's own error JSON
 * is `{ message }`).
 */
export async function finishUnavailable(response: Response, isDataRequest: boolean): Promise<Response> {
	if (response.status !== statusUnavailable) return response;
	const headers = new Headers(response.headers);
	headers.set('retry-after', String(retryAfterSeconds));
	headers.set('cache-control', 'no-store');
	if (isDataRequest || !headers.get('content-type')?.includes('application/json')) {
		return new Response(response.body, { status: response.status, headers });
	}
	const body = (await response.json()) as { message?: string; error?: string };
	if (body.error === undefined && body.message !== undefined) {
		headers.delete('content-length');
		return new Response(JSON.stringify({ error: body.message }), { status: response.status, headers });
	}
	return new Response(JSON.stringify(body), { status: response.status, headers });
}
