import { translator } from '$lib/i18n/index.ts';
import { atomAnswer } from '$lib/server/feeds/atom-answer.ts';
import { changesFeed } from '$lib/server/releases/changes-feed.ts';
import { releaseLog } from '$lib/server/releases/release-log.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	atomAnswer(event, ['/changes.atom', event.locals.locale, event.url.origin], async () =>
		changesFeed(await releaseLog(event.locals.viewer), translator(event.locals.locale), event.url.origin)
	);
