import type { ReleasePin } from '$lib/releases/release-pin.ts';
import { parseReleasePin } from '$lib/filter/filter-schema.ts';
import { sharedRead } from '../http/shared-read.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import { currentRelease, unlessUnavailable } from './current-release.ts';
import releaseByNumberSql from './release-by-number.sql?raw';

const releaseByNumberQuery = sqlTemplate<{ number: number; released_on: string }>(releaseByNumberSql);

/**
 * What a page says about the release its link pins: nothing when it pins none or the current
 * one (the figures are that release's); otherwise which release it cites, when that was, and
 * that the figures shown are the current release's. Pinned answers are not kept (see README,
 * "Data releases"): an older pin is told, never silently answered with other figures.
 */
export async function releasePinFor(viewer: Viewer, url: URL): Promise<ReleasePin | null> {
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
		return { cited, citedOn: row?.released_on ?? null, current: current.number };
	});
}
