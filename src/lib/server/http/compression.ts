import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { LRUCache } from 'lru-cache';
import Negotiator from 'negotiator';

/**
 * Compresses JSON, GeoJSON and HTML answers with brotli or gzip when the reader accepts it
 * (RFC 9110 §12.5.3: q=0 refuses a coding, `identity` always remains possible).
 *
 * Brotli runs at quality 5, not node's default 11: on the routes GeoJSON (292 KB) quality 11
 * took 340 ms of CPU against gzip's 2.1 ms on this 2-core machine, for 23 KB against 38 KB;
 * quality 5 took 2.7 ms for 30 KB (21 % below gzip), so it is worth offering, 11 is not.
 */

// Below this, the gzip header and the CPU cost more than the bytes saved.
export const MIN_COMPRESSED_BYTES = 1024;

const COMPRESSIBLE_TYPES = new Set(['application/json', 'application/geo+json', 'text/html']);

export type Coding = 'br' | 'gzip';

const brotliOptions = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
const gzipAsync = promisify(gzip);

// Both run on libuv's thread pool, so a large body does not hold up other requests.
const encoders: Record<Coding, (body: Uint8Array) => Promise<Uint8Array>> = {
	br: (body) => new Promise((resolve, reject) => brotliCompress(body, brotliOptions, (failure, bytes) => (failure ? reject(failure) : resolve(bytes)))),
	gzip: (body) => gzipAsync(body)
};

/**
 * Compressed bodies of JSON answers that carry an ETag (the cached ones), so a cache hit is
 * not compressed again (sha1 of the 292 KB routes GeoJSON: 0.14 ms; compressing it: 2-3 ms).
 * Keyed by a hash of the bytes themselves: an ETag alone is not unique across databases,
 * and a body-derived key can never serve the wrong bytes.
 */
const compressedBodies = new LRUCache<string, Uint8Array>({
	maxSize: 32 * 1024 * 1024,
	sizeCalculation: (bytes) => Math.max(1, bytes.byteLength)
});

/** The media type of a Content-Type header, without parameters, lower-cased. */
export function mediaType(contentType: string | null): string {
	return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** The coding to answer with for this Accept-Encoding, or null for identity. */
export function chooseCoding(acceptEncoding: string | null): Coding | null {
	// No header means any coding is acceptable (RFC 9110 §12.5.3), but a client that sends
	// none (curl, scripts) may not decode, so only an explicit coding (or *) gets one.
	if (acceptEncoding === null || acceptEncoding.trim() === '') return null;
	const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } });
	// `preferred` breaks ties of equal q in our favour (br); @types/negotiator lacks it.
	const encodings = negotiator.encodings as (available: Coding[], options: { preferred: Coding[] }) => Coding[];
	return encodings.call(negotiator, ['br', 'gzip'], { preferred: ['br', 'gzip'] })[0] ?? null;
}

/** Vary with accept-encoding added once to whatever the answer varied on already. */
export function varyWithEncoding(vary: string | null): string {
	if (!vary) return 'accept-encoding';
	const names = vary.split(',').map((name) => name.trim().toLowerCase());
	if (names.includes('*') || names.includes('accept-encoding')) return vary;
	return `${vary}, accept-encoding`;
}

/**
 * The ETag of a compressed variant: weak (RFC 9110 §8.8.1: a strong validator must change
 * with the content coding; a weak one marks a semantically equivalent variant). This is
 * what nginx does, and If-None-Match compares weakly (§13.1.2), so the endpoint's own check
 * (conditional.ts) still answers 304 for it without knowing about compression.
 */
export function weakened(etag: string): string {
	return etag.startsWith('W/') ? etag : `W/${etag}`;
}

function eligible(request: Request, response: Response): boolean {
	if (request.method === 'HEAD') return false;
	if (response.status === 204 || response.status === 304 || response.body === null) return false;
	if (response.headers.has('content-encoding')) return false;
	return COMPRESSIBLE_TYPES.has(mediaType(response.headers.get('content-type')));
}

async function compressed(body: Uint8Array, coding: Coding, reusable: boolean): Promise<Uint8Array> {
	if (!reusable) return encoders[coding](body);
	const key = `${coding}|${createHash('sha1').update(body).digest('base64url')}`;
	let bytes = compressedBodies.get(key);
	if (bytes === undefined) {
		bytes = await encoders[coding](body);
		compressedBodies.set(key, bytes);
	}
	return bytes;
}

/** The answer, compressed if its type, size and the request allow; Vary set either way. */
export async function compressAnswer(request: Request, response: Response): Promise<Response> {
	// Already-encoded answers (tiles) are the same bytes for every reader: no Vary, no coding.
	if (response.headers.has('content-encoding')) return response;
	const typed = COMPRESSIBLE_TYPES.has(mediaType(response.headers.get('content-type')));
	// A 304 carries the Vary its 200 would have (RFC 9110 §15.4.5); it has no content-type.
	if (typed || response.status === 304) response.headers.set('vary', varyWithEncoding(response.headers.get('vary')));
	const coding = chooseCoding(request.headers.get('accept-encoding'));
	if (coding === null || !eligible(request, response)) return response;

	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	const init = { status: response.status, statusText: response.statusText, headers };
	if (body.byteLength < MIN_COMPRESSED_BYTES) return new Response(body, init);
	const etag = headers.get('etag');
	// Only the ETagged JSON answers repeat byte for byte; HTML carries a fresh CSP nonce each time.
	const reusable = etag !== null && mediaType(headers.get('content-type')) !== 'text/html';
	const bytes = await compressed(body, coding, reusable);
	headers.set('content-encoding', coding);
	headers.set('content-length', String(bytes.byteLength));
	if (etag) headers.set('etag', weakened(etag));
	// zlib's output is a Buffer over a plain ArrayBuffer, never a shared one.
	return new Response(bytes as Uint8Array<ArrayBuffer>, init);
}
