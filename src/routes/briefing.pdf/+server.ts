import { isHttpError, json } from '@sveltejs/kit';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { downloadName } from '$lib/exports/download-name.ts';
import { translate } from '$lib/i18n/index.ts';
import { badRequest } from '$lib/server/bad-request.ts';
import { briefingAddress } from '$lib/briefing/briefing-address.ts';
import { RENDER_RETRY_AFTER, renderBriefingPdf } from '$lib/server/briefing/pdf-renderer.ts';
import { readBriefingPage } from '$lib/server/briefing/briefing-page.ts';
import { followRegionChoice, REGION } from '$lib/server/briefing/region-choice.ts';
import { currentRelease } from '$lib/server/releases/current-release.ts';
import type { RequestHandler } from './$types';

// The briefing page printed by the server's Chromium: the page is the one source of the
// layout, so the reader's own Print button gives the same document.
export const GET: RequestHandler = async ({ url, locals, request }) => {
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return badRequest(filter.error, filter.field);
	// A region becomes its countries here as on the page, so the PDF and the page of one address agree.
	try {
		await followRegionChoice(url, filter.filter, locals.viewer, locals.locale);
	} catch (thrown) {
		if (isHttpError(thrown) && thrown.status === 400) return badRequest(thrown.body.message, REGION);
		throw thrown;
	}
	const say = (key: Parameters<typeof translate>[1]) => translate(locals.locale, key);
	const noStore = { 'cache-control': 'no-store' };
	const release = await currentRelease(locals.viewer);
	// The server's own address: the page is read as this reader, on this origin, never elsewhere.
	const page = briefingAddress(url.origin, filter.filter, locals.locale);
	// What the page will read, read now while Chromium starts: the page's own load then finds
	// it in the shared cache (or joins the read in flight) instead of starting it after launch.
	const warming = readBriefingPage(locals.viewer, filter.filter, locals.locale).catch(() => {});
	const outcome = await renderBriefingPdf({ url: page, cookie: request.headers.get('cookie') });
	await warming;
	switch (outcome.kind) {
		case 'no-browser':
			return json({ error: say('briefing.pdf.noBrowser') }, { status: 501, headers: noStore });
		case 'busy':
			return json({ error: say('briefing.pdf.busy') }, { status: 429, headers: { ...noStore, 'retry-after': String(RENDER_RETRY_AFTER) } });
		case 'timeout':
			return json({ error: say('briefing.pdf.timeout') }, { status: 503, headers: { ...noStore, 'retry-after': String(RENDER_RETRY_AFTER) } });
		case 'page-failed':
			// The page's own answer (a 503 while the database is away) is the PDF's.
			return json({ error: say('briefing.pdf.pageFailed') }, { status: outcome.status >= 400 ? outcome.status : 502, headers: noStore });
		case 'pdf': {
			const name = downloadName('briefing', filter.filter, release, new Date(), 'pdf');
			return new Response(new Uint8Array(outcome.bytes), {
				headers: {
					'content-type': 'application/pdf',
					'content-disposition': `inline; filename="${name}"`,
					'cache-control': 'no-store',
					'server-timing': [`render;dur=${outcome.millis}`, ...Object.entries(outcome.phases).map(([phase, took]) => `${phase};dur=${took}`)].join(', ')
				}
			});
		}
	}
};
