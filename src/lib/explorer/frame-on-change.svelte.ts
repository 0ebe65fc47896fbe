// Frames a set of places once each time what the reader chose changes (a country or case
// in the Filter, a search): the places arrive later than the choice, so the wish to frame is
// kept until they are loaded, and later reloads of the same choice (a playback step, a
// language switch) do not move the map again.
import { untrack } from 'svelte';

export type Place = readonly [lon: number, lat: number];

export class FrameOnChange {
	/** A fit is owed: the choice changed and its places have not been framed yet. */
	pending = $state(false);

	/**
	 * Must be constructed while a component initialises (it owns effects).
	 * @param choice  what the reader chose, as text: a change owes a fit
	 * @param places  the chosen places once loaded, null while they load or when there is nothing to frame
	 * @param fit     frames the places (with the free area's padding)
	 * @param atStart whether the first view is framed too (no box in the URL)
	 */
	constructor(choice: () => string, places: () => readonly Place[] | null, fit: (places: readonly Place[]) => void, atStart: boolean) {
		this.pending = atStart;
		let last = untrack(choice);
		$effect(() => {
			const now = choice();
			if (now !== last) {
				last = now;
				this.pending = true;
			}
		});
		$effect(() => {
			const found = places();
			if (!this.pending || !found) return;
			this.pending = false;
			if (found.length) untrack(() => fit(found));
		});
	}
}
