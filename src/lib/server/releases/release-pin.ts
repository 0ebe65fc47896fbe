import type { ReleasePin } from '$lib/releases/release-pin.ts';
import { canonicalFilter, parseFilter, parseReleasePin } from '$lib/filter/filter-schema.ts';
import { sharedRead } from '../http/shared-read.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import { currentRelease, unlessUnavailable } from './current-release.ts';
import { lookUpPinned } from './kept-answers.ts';
import { pinnedAnswerKey } from './pinned-request.ts';
import releaseByNumberSql from './release-by-number.sql?raw';

const releaseByNumberQuery = sqlTemplate<{ number: number; released_on: string }>(releaseByNumberSql);

// The views whose figures the browser reads from the pinnable API with the pin carried
// (view-state.ts `dataQuery`): only there can the figures be the cited release's. A record
// page's own figures are read by its load, as of the current data.
const PINNED_VIEWS = new Set(['/', '/embed']);

/**
 * Whether the figures of the view at `url` were kept for `release`: its summary answer stands
 * for the view (copying its citation or embed, or opening the embed, keeps it with the rest).
 * Only the public reads kept answers.
 */
async function viewKept(viewer: Viewer, url: URL, release: number, locale: string): Promise<boolean> {
	if (viewer.role !== 'public' || !PINNED_VIEWS.has(url.pathname)) return false;
	const filter = parseFilter(url.searchParams);
	if (!filter.ok) return false;
	// As the browser asks for it: the canonical filter alone (view options and framing aside).
	const key = pinnedAnswerKey(new URL(`/api/summary?${canonicalFilter(filter.filter)}`, url), locale);
	if (key === null) return false;
	const found = await lookUpPinned(release, key).catch(() => null);
	return found?.kind === 'kept';
}

/**
 * What a page says about the release its link pins: nothing when it pins none or the current
 * one (the figures are that release's); otherwise which release it cites, when that was, and
 * either that the figures shown are that release's (its answers were kept, kept-answers.ts)
 * or that they were not kept and the current release's are shown: an older pin is told,
 * never silently answered with other figures.
 */
export async function releasePinFor(viewer: Viewer, url: URL, locale = 'en'): Promise<ReleasePin | null> {
	const pin = parseReleasePin(url.searchParams);
	if (!pin.ok || pin.release === null) return null;
	const cited = pin.release;
	return unlessUnavailable(async () => {
		const current = await currentRelease(viewer);
		if (!current || current.number === cited) return null;
		const row = await sharedRead(viewer, 'release-by-number', [String(cited)], async (tx) => {
			const [found] = await releaseByNumberQuery(tx, { number: cited });
			return found ?? null;
		});
		const kept = row ? await viewKept(viewer, url, cited, locale) : false;
		return { cited, citedOn: row?.released_on ?? null, current: current.number, kept };
	});
}
