// The explorer's view, read from the page URL (the only source of truth) and changed only by
// navigating: filter and selection changes push a history entry so Back steps through them;
// viewport moves replace the current one so panning does not flood history.
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { applyViewChange, parseViewState, serialiseViewState, type ViewChange, type ViewState } from './view-state.ts';

export class ExplorerView {
	state: ViewState = $derived(parseViewState(page.url.searchParams));

	change(change: ViewChange, { replace = false } = {}): Promise<void> {
		const query = serialiseViewState(applyViewChange(this.state, change), page.url.searchParams);
		if (query === page.url.search.replace(/^\?/, '')) return Promise.resolve();
		return goto(`${page.url.pathname}${query ? `?${query}` : ''}`, { replaceState: replace, noScroll: true, keepFocus: true });
	}
}
