// How flows and routes look, shared by their map layers and the key (which must not pull
// deck.gl or the geometry code into the first load just to draw its swatches).

/** Flows are one neutral colour, so the site marks' category colours stay the loudest thing. */
export const FLOW_COLOUR: [number, number, number] = [61, 68, 81];
/** A thousand flows would be the hairball again: the largest this many in view are drawn. */
export const MAX_FLOWS = 40;
/** The arrowhead drawn along flows and routes, pointing towards recovery. */
export const ARROW = '►';
/** Dash and gap of a suspected leg, in line widths (PathStyleExtension's unit). */
export const SUSPECTED_DASH: [number, number] = [4, 3];

/**
 * The widths flows are drawn at, in pixels. A few classes rather than any width: each class is
 * one MapLibre line layer with a constant width, which shares the borders' shader program (a
 * width read per feature is a program of its own, about 0.5 s to link on a software renderer).
 */
export const FLOW_WIDTHS = [1.5, 3, 5, 8, 12] as const;

/**
 * Line width in pixels for a flow of `items`: area-like (square root, so 4× items reads 2×
 * wider), then the nearest class of FLOW_WIDTHS.
 */
export function flowWidth(items: number): (typeof FLOW_WIDTHS)[number] {
	const exact = Math.min(12, Math.max(1, Math.sqrt(items) / 4));
	return FLOW_WIDTHS.reduce((best, width) => (Math.abs(width - exact) < Math.abs(best - exact) ? width : best));
}
