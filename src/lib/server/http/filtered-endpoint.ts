import { canonicalFilter, parseFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { badRequest } from '../bad-request.ts';
import type { Queryable } from '../sql-file.ts';
import { withViewer, type Viewer } from '../viewer.ts';
import { cacheKeyFor, jsonCache } from './answer-cache.ts';
import { answerKey, cacheControl, etagFor, notModified } from './conditional.ts';
import { parsePage, type Page } from './page-params.ts';

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
	{ paged = false, bbox = false, contentType = 'application/json' }: { paged?: boolean; bbox?: boolean; contentType?: string } = {}
): Promise<Response> {
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return badRequest(filter.error, filter.field);
	// Only the page parameters the endpoint uses are read: stats takes a bbox, and a limit or
	// offset it ignores must neither be refused nor split its cache.
	const page = paged ? parsePage(url.searchParams) : bbox ? parsePage(url.searchParams, 0, ['bbox']) : NO_PAGE;
	if (!page.ok) return badRequest(page.error, page.field);
	const query = [canonicalFilter(filter.filter), page.page.limit, page.page.offset, page.page.bbox?.join(',') ?? ''].join('|');

	const answer = await withViewer(locals.viewer, async (tx) => {
		const [{ version }] = await tx`SELECT version::text AS version FROM atlas.data_version`;
		const key = answerKey(version, locals.viewer, url.pathname, query);
		const etag = etagFor(key);
		if (notModified(request.headers.get('if-none-match'), etag)) return { etag, body: null };
		const cacheKey = cacheKeyFor(key);
		let body = jsonCache.get(cacheKey);
		if (body === undefined) {
			body = JSON.stringify(await read(tx, filter.filter, page.page));
			jsonCache.set(cacheKey, body);
		}
		return { etag, body };
	});
	const headers = { etag: answer.etag, 'cache-control': cacheControl(locals.viewer) };
	if (answer.body === null) return new Response(null, { status: 304, headers });
	return new Response(answer.body, { headers: { ...headers, 'content-type': contentType } });
}
