// oEmbed (https://oembed.com) for the portal's views: a rich answer whose html is the
// view's /embed iframe, sized within the consumer's maxwidth and maxheight. JSON only.
import { json } from '@sveltejs/kit';
import { isLocale, translator, type Locale } from '$lib/i18n/index.ts';
import { embedSrc, iframeHtml } from '$lib/share/embed-code.ts';
import { DEFAULT_EMBED_WIDTH, MIN_EMBED_HEIGHT, MIN_EMBED_WIDTH, parseEmbedOptions } from '$lib/share/embed-options.ts';
import { portalViewOf } from '$lib/share/portal-views.ts';
import { badRequest } from '../bad-request.ts';
import type { Viewer } from '../viewer.ts';
import { embeddableView } from './view-title.ts';

/** How long a consumer may keep an answer, in seconds: titles change only with the data. */
export const OEMBED_CACHE_AGE = 3600;

export interface OembedAnswer {
	version: '1.0';
	type: 'rich';
	provider_name: string;
	provider_url: string;
	title: string;
	html: string;
	width: number;
	height: number;
	cache_age: number;
}

/** A size limit in pixels, or null when absent; a string naming the problem when it is not one. */
function readLimit(text: string | null): number | null | string {
	if (text === null || text === '') return null;
	return /^\d{1,5}$/.test(text) && Number(text) > 0 ? Number(text) : 'a whole number of pixels above 0';
}

export async function answerOembed(request: URL, viewer: Viewer, locale: Locale): Promise<Response> {
	const query = request.searchParams;
	const format = query.get('format') ?? 'json';
	if (format === 'xml') return badRequest('format: only json is served', 'format', 501);
	if (format !== 'json') return badRequest('format: json (or xml, which is not served)', 'format');
	const maxwidth = readLimit(query.get('maxwidth'));
	if (typeof maxwidth === 'string') return badRequest(`maxwidth: ${maxwidth}`, 'maxwidth');
	const maxheight = readLimit(query.get('maxheight'));
	if (typeof maxheight === 'string') return badRequest(`maxheight: ${maxheight}`, 'maxheight');
	const text = query.get('url');
	if (!text) return badRequest('url: the address of a portal view is required', 'url');
	if (!URL.canParse(text)) return badRequest('url: not an absolute URL', 'url');
	const url = new URL(text);

	const view = portalViewOf(url, request.origin);
	if (!view) return badRequest('url: not a view of this portal', 'url', 404);
	const options = parseEmbedOptions(url.searchParams);
	if (!options.ok) return badRequest(`url: ${options.error}`, 'url', 404);
	// The view's own language when its address names one, as the embed will show it.
	const lang = url.searchParams.get('lang');
	const i18n = translator(isLocale(lang) ? lang : locale);
	const embeddable = await embeddableView(view, viewer, i18n);
	if ('missing' in embeddable) return badRequest(`url: ${embeddable.error}`, 'url', 404);

	// The embed page works from 320 px wide and 240 px high: below that there is nothing to offer.
	if (maxwidth !== null && maxwidth < MIN_EMBED_WIDTH) return badRequest(`maxwidth: the embed needs at least ${MIN_EMBED_WIDTH} pixels`, 'maxwidth', 404);
	if (maxheight !== null && maxheight < MIN_EMBED_HEIGHT) return badRequest(`maxheight: the embed needs at least ${MIN_EMBED_HEIGHT} pixels`, 'maxheight', 404);
	const width = Math.min(DEFAULT_EMBED_WIDTH, maxwidth ?? Infinity);
	const height = Math.min(options.options.height, maxheight ?? Infinity);
	const src = embedSrc(request.origin, embeddable.mapParams, { ...options.options, height });
	const answer: OembedAnswer = {
		version: '1.0',
		type: 'rich',
		provider_name: i18n.t('site.name'),
		provider_url: `${request.origin}/`,
		title: embeddable.title,
		html: iframeHtml({ src, width, height, title: embeddable.title }),
		width,
		height,
		cache_age: OEMBED_CACHE_AGE
	};
	return json(answer, { headers: { 'cache-control': `public, max-age=${OEMBED_CACHE_AGE}`, vary: 'accept-language' } });
}
