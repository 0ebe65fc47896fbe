// What the /ogc routes share: the request read into the portal's Filter and page
// (items-query.ts), answers through filtered-endpoint.ts (ETag, cache, 400 naming the
// field, 503 when the database is away), and the API's JSON 404.
import { translator, type Translator } from '$lib/i18n/index.ts';
import type { Locale } from '$lib/i18n/locales.ts';
import { MAX_ID, parseFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { badRequest } from '../bad-request.ts';
import { cacheControl } from '../http/conditional.ts';
import { filteredEndpoint } from '../http/filtered-endpoint.ts';
import type { Page } from '../http/page-params.ts';
import type { Queryable } from '../sql-file.ts';
import { withViewer, type Viewer } from '../viewer.ts';
import { readOgcQuery, refusedFormat } from './items-query.ts';
import { ogcCollection, type OgcCollection } from './ogc-collections.ts';
import { itemDocument } from './items.ts';
import { GEOJSON_TYPE, JSON_TYPE } from './ogc-links.ts';

export interface OgcEvent {
	url: URL;
	request: Request;
	params: Record<string, string>;
	locals: { viewer: Viewer; locale: Locale };
}

export interface OgcContext {
	origin: string;
	translator: Translator;
}

const contextOf = (event: OgcEvent): OgcContext => ({ origin: event.url.origin, translator: translator(event.locals.locale) });

/** A JSON answer that reads no data (landing page, conformance). */
export function staticAnswer(event: OgcEvent, body: (context: OgcContext) => unknown): Response {
	const format = refusedFormat(event.url.searchParams);
	if (format && !format.ok) return badRequest(format.error, format.field);
	return new Response(JSON.stringify(body(contextOf(event))), {
		headers: { 'content-type': JSON_TYPE, 'cache-control': cacheControl(event.locals.viewer) }
	});
}

export function unknownCollection(): Response {
	return badRequest('collectionId: no such collection; see /ogc/collections', 'collectionId', 404);
}

/**
 * A filtered read (collections, a collection, items) as the viewer. Its answer holds
 * absolute links and titles in the reader's language, so origin and language key its cache.
 */
export function filteredAnswer<T>(
	event: OgcEvent,
	read: (tx: Queryable, filter: Filter, page: Page, context: OgcContext) => Promise<T>,
	{ paged = false, contentType = JSON_TYPE }: { paged?: boolean; contentType?: string } = {}
): Response | Promise<Response> {
	// The Filter as given first: `datetime` replaces its from/to, and a bad one must still be named.
	const given = parseFilter(event.url.searchParams);
	if (!given.ok) return badRequest(given.error, given.field);
	const query = readOgcQuery(event.url.searchParams);
	if (!query.ok) return badRequest(query.error, query.field);
	const url = new URL(event.url);
	url.search = query.params.toString();
	const context = contextOf(event);
	return filteredEndpoint({ ...event, url }, (tx, filter, page) => read(tx, filter, page, context), {
		paged,
		contentType,
		variant: `${context.origin}|${context.translator.locale}`
	});
}

/** The collection a route's `collectionId` names, or the 404 for any other. */
export function collectionOf(event: OgcEvent): OgcCollection | Response {
	return ogcCollection(event.params.collectionId ?? '') ?? unknownCollection();
}

/** An OGC feature id: a whole number within `integer`; anything else names no feature. */
export function featureIdOf(text: string): number | null {
	if (!/^[1-9]\d{0,9}$/.test(text)) return null;
	const id = Number(text);
	return id <= MAX_ID ? id : null;
}

/**
 * One feature as the viewer may see it: unknown and hidden ids answer the same 404, so the
 * answer never tells that a hidden row exists.
 */
export async function featureAnswer(event: OgcEvent, collection: OgcCollection): Promise<Response> {
	const format = refusedFormat(event.url.searchParams);
	if (format && !format.ok) return badRequest(format.error, format.field);
	const id = featureIdOf(event.params.featureId ?? '');
	const { origin, translator } = contextOf(event);
	const feature = id === null ? null : await withViewer(event.locals.viewer, (tx) => itemDocument(tx, collection, id, origin, translator));
	if (!feature) return badRequest('featureId: no such feature in this collection', 'featureId', 404);
	return new Response(JSON.stringify(feature), { headers: { 'content-type': GEOJSON_TYPE, 'cache-control': cacheControl(event.locals.viewer) } });
}
