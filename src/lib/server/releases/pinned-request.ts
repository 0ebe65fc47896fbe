import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { canonicalFilter, FILTER_KEYS, parseFilter, parseReleasePin, RELEASE_PARAM } from '$lib/filter/filter-schema.ts';
import { dataVersion } from '../db.ts';
import { weakened } from '../http/compression.ts';
import { etagFor, notModified } from '../http/conditional.ts';
import type { Viewer } from '../viewer.ts';
import { keepAnswer, lookUpPinned, type KeptAnswer, type PinnedLookup } from './kept-answers.ts';
import { RELEASE_HEADER } from './release-header.ts';
import { readUpTo } from '../http/read-up-to.ts';

// A pinned answer never changes: shared caches and browsers may keep it for a year.
export const PINNED_CACHE_CONTROL = 'public, max-age=31536000, immutable';

// The largest body kept (as sent, before compression). Every JSON answer, tile and GeoJSON
// page is far below it; an export of a large view is not kept (it streams as usual, and
// says which release answered), since a kept copy would be held whole in the table.
export const KEEP_LIMIT_BYTES = 8 * 1024 * 1024;

const FILTER_KEY_SET = new Set<string>(FILTER_KEYS);

/**
 * What a pinned answer is the same for: the path, the canonical filter and the request's other
 * parameters sorted (a page, a bbox, an option), without the pin itself; the origin, since
 * feeds and metadata carry absolute links; the language for the feeds, whose text is
 * translated. Null when the filter is refused (the endpoint answers 400, nothing is kept).
 */
export function pinnedAnswerKey(url: URL, locale: string): string | null {
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return null;
	const others = [...url.searchParams].filter(([name]) => name !== RELEASE_PARAM && !FILTER_KEY_SET.has(name));
	others.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
	const rest = new URLSearchParams(others).toString();
	const translated = url.pathname.endsWith('.atom') ? `|${locale}` : '';
	return `${url.origin}${url.pathname}?${[canonicalFilter(filter.filter), rest].filter(Boolean).join('&')}${translated}`;
}

/** The body without its content coding, or null for a coding not read here. */
function decoded(bytes: Uint8Array, coding: string | null): Uint8Array | null {
	if (coding === null) return bytes;
	if (coding === 'gzip') return gunzipSync(bytes);
	if (coding === 'br') return brotliDecompressSync(bytes);
	return null;
}

/** The ETag of release N's answer: the same for the live answer kept and for every later serving of it. */
export const pinnedEtag = (release: number, answerKey: string) => etagFor(`release|${release}|${answerKey}`);

function keptResponse(release: number, answer: KeptAnswer, request: Request): Response {
	const headers = new Headers({ etag: answer.etag, 'cache-control': PINNED_CACHE_CONTROL, vary: 'accept-encoding', [RELEASE_HEADER]: String(release) });
	if (answer.status === 204) return new Response(null, { status: 204, headers });
	if (answer.contentType) headers.set('content-type', answer.contentType);
	if (answer.contentDisposition) headers.set('content-disposition', answer.contentDisposition);
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		headers.set('content-encoding', 'gzip');
		headers.set('etag', weakened(answer.etag));
		return new Response(answer.gzipped as Uint8Array<ArrayBuffer>, { headers });
	}
	return new Response(gunzipSync(answer.gzipped) as Uint8Array<ArrayBuffer>, { headers });
}

/**
 * Answers a request pinned to `release` (`release=N`) for a public reader: the answer kept for
 * it; else, while the release's public data is still the current one, the live answer, kept
 * on the way out; else the live answer, whose `Data-Release` header names the release that
 * really answered (never a silent substitution: the page says so too, release-pin.ts).
 * `live` runs the endpoint. Other viewers' answers are never kept nor served from the kept ones.
 */
export async function answerPinned(release: number, url: URL, request: Request, viewer: Viewer, locale: string, live: () => Promise<Response>): Promise<Response> {
	const key = viewer.role === 'public' && request.method === 'GET' ? pinnedAnswerKey(url, locale) : null;
	if (key === null) return live();
	const etag = pinnedEtag(release, key);
	// Only release N's answer ever carries this ETag, so a reader holding it holds N's answer.
	if (notModified(request.headers.get('if-none-match'), etag)) {
		return new Response(null, { status: 304, headers: { etag, 'cache-control': PINNED_CACHE_CONTROL, vary: 'accept-encoding', [RELEASE_HEADER]: String(release) } });
	}
	// Unreachable database: the endpoint answers its own 503.
	const found = await lookUpPinned(release, key).catch((): PinnedLookup => ({ kind: 'gone' }));
	if (found.kind === 'kept') return keptResponse(release, found.answer, request);
	// The app's cached answers are keyed by the data version it holds in memory: only when that
	// is the one just read are they answers of this public data (else one could predate it).
	if (found.kind === 'gone' || dataVersion().current() !== found.dataVersion) return live();

	const response = await live();
	if ((response.status !== 200 && response.status !== 204) || /\bprivate\b|no-store/.test(response.headers.get('cache-control') ?? '')) return response;
	const read = await readUpTo(response.body, KEEP_LIMIT_BYTES);
	if (read.kind === 'longer') return new Response(read.stream, { status: response.status, headers: response.headers });
	const encoded = response.headers.get('content-encoding');
	const raw = decoded(read.bytes, encoded);
	const unkept = () => new Response(read.bytes as Uint8Array<ArrayBuffer>, { status: response.status, headers: response.headers });
	if (raw === null || raw.byteLength > KEEP_LIMIT_BYTES) return unkept();
	const answer: KeptAnswer = {
		status: response.status as 200 | 204,
		contentType: response.headers.get('content-type'),
		contentDisposition: response.headers.get('content-disposition'),
		gzipped: response.status === 204 ? new Uint8Array() : encoded === 'gzip' ? read.bytes : gzipSync(raw),
		etag
	};
	const rawBytes = raw.byteLength;
	const kept = await keepAnswer(release, found.publicVersion, key, answer, rawBytes).catch(() => false);
	const headers = new Headers(response.headers);
	if (kept) {
		// A coded body's validator is weak (compression.ts), like every compressed answer's.
		headers.set('etag', encoded ? weakened(etag) : etag);
		headers.set('cache-control', PINNED_CACHE_CONTROL);
		headers.set(RELEASE_HEADER, String(release));
	}
	return new Response(response.status === 204 ? null : (read.bytes as Uint8Array<ArrayBuffer>), { status: response.status, headers });
}

interface PinnableEvent {
	url: URL;
	request: Request;
	locals: { viewer: Viewer; locale: string };
}

/** A pinnable request (release-header.ts): answered as its pin says, or live when it pins none. */
export function servePinnable({ url, request, locals }: PinnableEvent, live: () => Promise<Response>): Promise<Response> {
	const pin = parseReleasePin(url.searchParams);
	if (!pin.ok || pin.release === null) return live();
	return answerPinned(pin.release, url, request, locals.viewer, locals.locale, live);
}
