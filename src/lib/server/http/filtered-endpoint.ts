import { canonicalFilter, parseFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { badRequest } from '../bad-request.ts';
import { dataVersion } from '../db.ts';
import type { Queryable } from '../sql-file.ts';
import { withViewer, type Viewer } from '../viewer.ts';
import { cacheKeyFor, jsonCache } from './answer-cache.ts';
import { answerKey, cacheControl, etagFor, notModified } from './conditional.ts';
import { parsePage, type Page } from './page-params.ts';
import { coalesced } from './shared-read.ts';

interface FilteredRequest {
	url: URL;
	request: Request;
	locals: { viewer: Viewer };
}

const NO_PAGE = { ok: true, page: { limit: 0, offset: 0, bbox: null } } as const;

/**
 * The shape every filtered JSON endpoint shares: parse the Filter (and, for collections, the
 * page), answer 400 naming the field when either is wrong, else run the read as the viewer.
 * Answers carry an ETag from the data version, the viewer's partition and the canonical
 * query (If-None-Match gives 304) and are kept in a small cache, since many readers ask for
 * the same view.
 */
export async function filteredEndpoint<T>(
	{ url, request, locals }: FilteredRequest,
	read: (tx: Queryable, filter: Filter, page: Page) => Promise<T>,
	{
		paged = false,
		bbox = false,
		contentType = 'application/json',
		variant = ''
	}: {
		paged?: boolean;
		bbox?: boolean;
		contentType?: string;
		/** What else the answer is built from (the OGC API's absolute links and titles: origin and language), so it keys the cache too. */
		variant?: string;
	} = {}
): Promise<Response> {
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return badRequest(filter.error, filter.field);
	// Only the page parameters the endpoint uses are read: stats takes a bbox, and a limit or
	// offset it ignores must neither be refused nor split its cache.
	const page = paged ? parsePage(url.searchParams) : bbox ? parsePage(url.searchParams, 0, ['bbox']) : NO_PAGE;
	if (!page.ok) return badRequest(page.error, page.field);
	const query = [canonicalFilter(filter.filter), page.page.limit, page.page.offset, page.page.bbox?.join(',') ?? '', ...(variant ? [variant] : [])].join('|');

	const cached = (version: string) => {
		const key = answerKey(version, locals.viewer, url.pathname, query);
		const etag = etagFor(key);
		if (notModified(request.headers.get('if-none-match'), etag)) return { key, etag, body: null };
		return { key, etag, body: jsonCache.get(cacheKeyFor(key)) };
	};
	// A 304 or a cache hit under the version held in memory needs no database at all.
	const known = dataVersion().current();
	const fromMemory = known === null ? undefined : cached(known);
	const readNow = () =>
		withViewer(locals.viewer, async (tx, snapshot) => {
			// Unknown in memory (starting, or the database was unreachable): this transaction's own.
			const looked = fromMemory ?? cached(await snapshot.version);
			if (looked.body !== undefined) return looked;
			const body = JSON.stringify(await read(tx, filter.filter, page.page));
			jsonCache.set(cacheKeyFor(looked.key), body);
			return { ...looked, body };
		}, { aggregate: true });
	// Readers missing the same answer at once share one read (shared-read.ts).
	const answer =
		fromMemory && fromMemory.body !== undefined ? fromMemory : fromMemory ? await coalesced(cacheKeyFor(fromMemory.key), readNow) : await readNow();
	const headers = { etag: answer.etag, 'cache-control': cacheControl(locals.viewer) };
	if (answer.body === null) return new Response(null, { status: 304, headers });
	return new Response(answer.body, { headers: { ...headers, 'content-type': contentType } });
}
