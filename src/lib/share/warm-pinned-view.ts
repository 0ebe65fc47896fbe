// What copying a pinned view's link, embed code or citation asks for, so the server keeps the
// view's answers for its release while that release is current (pinned-request.ts): its
// counts, facets, charts' figures and routes, the same URLs the explorer and the embed read.
// Tiles are kept as a pinned view (an embed, a cited link) loads them; downloads when taken.
import { parseViewState } from '$lib/explorer/view-state.ts';
import { withQuery } from '$lib/explorer/explorer-api.ts';
import { statsUrl, withoutTimeRange } from '$lib/explorer/charts/stats-query.ts';

/** The API addresses of a pinned view's figures; none for a view that pins no release. */
export function pinnedViewAnswers(params: URLSearchParams): string[] {
	const view = parseViewState(params);
	if (!view.pinQuery || view.filterError) return [];
	const answers = [
		withQuery('/api/summary', view.dataQuery),
		withQuery('/api/facets', view.dataQuery),
		statsUrl(view.filter, null, view.pinQuery),
		withQuery('/api/routes.geojson', view.dataQuery, 'limit=2000')
	];
	if (view.filter.from || view.filter.to) answers.push(statsUrl(withoutTimeRange(view.filter), null, view.pinQuery));
	return answers;
}

/** Asks for them in the background: a failure only means the view was not kept yet. */
export function warmPinnedView(params: URLSearchParams): void {
	for (const url of pinnedViewAnswers(params)) void fetch(url, { priority: 'low' } as RequestInit).catch(() => {});
}
