// The box a briefing's map is framed on: the selection's sites, widened so that one site or a
// row of sites along a meridian still shows its surroundings rather than a street at zoom 14.
import type { ViewBox } from '$lib/explorer/view-state.ts';

/** Half the narrowest span shown, in degrees (about a region of a country). */
const MIN_HALF_SPAN = 1.5;

export function briefingBox(sites: ViewBox | null): ViewBox | null {
	if (!sites) return null;
	const [w, s, e, n] = sites;
	const widen = (low: number, high: number, limit: number): [number, number] => {
		const middle = (low + high) / 2;
		const half = Math.max((high - low) / 2, MIN_HALF_SPAN);
		return [Math.max(-limit, middle - half), Math.min(limit, middle + half)];
	};
	const [west, east] = widen(w, e, 180);
	const [south, north] = widen(s, n, 85);
	return [west, south, east, north];
}
