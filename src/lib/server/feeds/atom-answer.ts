import { dataVersion } from '../db.ts';
import { answerKey, cacheControl, etagFor, notModified } from '../http/conditional.ts';
import type { Viewer } from '../viewer.ts';

export const ATOM_TYPE = 'application/atom+xml; charset=utf-8';

interface AtomRequest {
	request: Request;
	locals: { viewer: Viewer };
}

/**
 * An Atom document with an ETag, so a feed reader's poll costs nothing while the data is
 * unchanged. The ETag names the data version known *before* the document is built: built
 * from newer data it only makes the next poll fetch again, never keeps an old document alive.
 * `parts` are what else the document depends on (path, canonical query, language, origin).
 */
export async function atomAnswer({ request, locals }: AtomRequest, parts: string[], build: () => Promise<string>): Promise<Response> {
	const known = dataVersion().current();
	const etag = known === null ? null : etagFor(answerKey(known, locals.viewer, 'atom', ...parts));
	const headers: Record<string, string> = { 'cache-control': cacheControl(locals.viewer) };
	if (etag) headers.etag = etag;
	if (etag && notModified(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	const body = await build();
	return new Response(body, { headers: { ...headers, 'content-type': ATOM_TYPE } });
}
