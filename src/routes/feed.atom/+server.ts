import { canonicalFilter, parseFilter } from '$lib/filter/filter-schema.ts';
import { translator } from '$lib/i18n/index.ts';
import { badRequest } from '$lib/server/bad-request.ts';
import { watchEntries } from '$lib/server/feeds/watch-feed.ts';
import { watchFeed } from '$lib/server/feeds/watch-feed-atom.ts';
import { atomAnswer } from '$lib/server/feeds/atom-answer.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) => {
	const filter = parseFilter(event.url.searchParams);
	if (!filter.ok) return Promise.resolve(badRequest(filter.error, filter.field));
	const query = canonicalFilter(filter.filter);
	const { locals, url } = event;
	return atomAnswer(event, ['/feed.atom', query, locals.locale, url.origin], async () =>
		watchFeed(await watchEntries(locals.viewer, filter.filter), translator(locals.locale), { origin: url.origin, query })
	);
};
