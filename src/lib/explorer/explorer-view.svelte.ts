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
	 * The view of a navigation asked for and not finished yet. A change arriving meanwhile (the
	 * map reporting the move a fit or fly-to made, right after the reader picked a search hit)
	 * applies to it, not to the URL still shown: built on the URL, it superseded the pending
	 * navigation and dropped the reader's selection. A pending push stays a push.
	 */
	#pending: { view: ViewState; push: boolean } | null = null;

	/**
	 * Navigates to the changed view. A new filter is written through the Filter schema; one it
	 * refuses is not navigated to (the reader keeps the current view) and its issue is returned.
	 */
	async change(change: ViewChange, { replace = false } = {}): Promise<FilterIssue | null> {
		const pending = this.#pending;
		const next = applyViewChange(pending?.view ?? this.state, change);
		if (change.filter && next.filterError) return next.filterError;
		const query = serialiseViewState(next, page.url.searchParams);
		if (!pending && query === page.url.search.replace(/^\?/, '')) return null;
		const mine = { view: next, push: !replace || (pending?.push ?? false) };
		this.#pending = mine;
		try {
			await goto(`${page.url.pathname}${query ? `?${query}` : ''}`, { replaceState: !mine.push, noScroll: true, keepFocus: true });
		} finally {
			if (this.#pending === mine) this.#pending = null;
		}
		return null;
	}
}
