// The map's framing as a box: what the reader sees clear of the panels, written to the URL,
// and fitted back into whatever free area the next screen has (a phone shows the same place
// as the desktop that shared it, at the zoom its own width allows).
import type { Map as MapLibreMap } from 'maplibre-gl';
import { roundViewBox, type ViewBox } from '$lib/explorer/view-state.ts';
import type { Padding } from './free-area.ts';

/** The free area's corners in degrees, rounded as the URL keeps them. */
export function visibleViewBox(map: MapLibreMap, padding: Padding): ViewBox {
	const canvas = map.getCanvas();
	const width = canvas.clientWidth;
	const height = canvas.clientHeight;
	const northWest = map.unproject([padding.left, padding.top]);
	const southEast = map.unproject([Math.max(padding.left + 1, width - padding.right), Math.max(padding.top + 1, height - padding.bottom)]);
	return roundViewBox([northWest.lng, southEast.lat, southEast.lng, northWest.lat]);
}

export const sameViewBox = (a: ViewBox | null, b: ViewBox | null) => !!a && !!b && a.every((value, i) => value === b[i]);

/** MapLibre's bounds for a box. */
export const lngLatBounds = ([w, s, e, n]: ViewBox): [[number, number], [number, number]] => [
	[w, s],
	[e, n]
];

/** The smallest box holding these points (lon, lat), or null for none. */
export function boxAround(points: ReadonlyArray<readonly [number, number]>): ViewBox | null {
	if (points.length === 0) return null;
	const lons = points.map((p) => p[0]);
	const lats = points.map((p) => p[1]);
	return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
