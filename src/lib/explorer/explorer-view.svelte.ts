// The explorer's view, read from the page URL (the only source of truth) and changed only by
// navigating: filter and selection changes push a history entry so Back steps through them;
// viewport moves replace the current one so panning does not flood history.
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { FilterIssue } from '$lib/filter/filter-schema.ts';
import { applyViewChange, parseViewState, serialiseViewState, type ViewChange, type ViewState } from './view-state.ts';

export class ExplorerView {
	state: ViewState = $derived(parseViewState(page.url.searchParams));

	/**
	 * Navigates to the changed view. A new filter is written through the Filter schema; one it
	 * refuses is not navigated to (the reader keeps the current view) and its issue is returned.
	 */
	async change(change: ViewChange, { replace = false } = {}): Promise<FilterIssue | null> {
		const next = applyViewChange(this.state, change);
		if (change.filter && next.filterError) return next.filterError;
		const query = serialiseViewState(next, page.url.searchParams);
		if (query === page.url.search.replace(/^\?/, '')) return null;
		await goto(`${page.url.pathname}${query ? `?${query}` : ''}`, { replaceState: replace, noScroll: true, keepFocus: true });
		return null;
	}
}
