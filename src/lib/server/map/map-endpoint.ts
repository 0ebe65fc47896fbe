import { json } from '@sveltejs/kit';
import { parseFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { badRequest } from '../bad-request.ts';
import type { Queryable } from '../sql-file.ts';
import { withViewer, type Viewer } from '../viewer.ts';
import { parsePage, type Page } from './page-params.ts';

interface MapRequest {
	url: URL;
	locals: { viewer: Viewer };
}

/**
 * The shape every filtered map endpoint shares: parse the Filter (and, for collections, the
 * page), answer 400 naming the field when either is wrong, else run the read as the viewer.
 */
export async function filteredEndpoint<T>(
	{ url, locals }: MapRequest,
	read: (tx: Queryable, filter: Filter, page: Page) => Promise<T>,
	{ paged = false, contentType = 'application/json' } = {}
): Promise<Response> {
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return badRequest(filter.error, filter.field);
	const page = paged ? parsePage(url.searchParams) : ({ ok: true, page: { limit: 0, offset: 0, bbox: null } } as const);
	if (!page.ok) return badRequest(page.error, page.field);
	const body = await withViewer(locals.viewer, (tx) => read(tx, filter.filter, page.page));
	return json(body, {
		headers: {
			'content-type': contentType,
			'cache-control': locals.viewer.role === 'public' ? 'public, max-age=60' : 'private, max-age=60'
		}
	});
}
