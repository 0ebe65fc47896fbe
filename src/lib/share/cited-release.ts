// The release a shared view cites, and its addresses pinned to it (`release=N`), so a link,
// an embed code or a citation keeps showing the figures it was shared with after later changes
// (the server keeps a pinned view's answers: src/lib/server/releases/pinned-request.ts).
import { RELEASE_PARAM } from '$lib/filter/filter-schema.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';
import type { ReleasePin } from '$lib/releases/release-pin.ts';

/**
 * The release whose figures the page shows: the one its link pins when that release's
 * answers were kept for the view, else the current one (null before the first release).
 */
export function citedRelease(current: DataRelease | null, pin: ReleasePin | null): number | null {
	if (pin?.kept) return pin.cited;
	return current?.number ?? null;
}

/** `params` pinned to `release` (unchanged without one). */
export function pinnedParams(params: URLSearchParams, release: number | null): URLSearchParams {
	const pinned = new URLSearchParams(params);
	if (release !== null) pinned.set(RELEASE_PARAM, String(release));
	return pinned;
}

/** The page address pinned to `release`, written as the page writes its own (commas and colons readable). */
export function pinnedHref(url: URL, release: number | null): string {
	const query = pinnedParams(url.searchParams, release).toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
	return `${url.origin}${url.pathname}${query ? `?${query}` : ''}${url.hash}`;
}
