// How flows and routes look, shared by their deck.gl layers and the key (which must not pull
// deck.gl or the geometry code into the first load just to draw its swatches).

/** Flows are one neutral colour, so the site marks' category colours stay the loudest thing. */
export const FLOW_COLOUR: [number, number, number] = [61, 68, 81];
/** A thousand flows would be the hairball again: the largest this many in view are drawn. */
export const MAX_FLOWS = 40;
/** The arrowhead drawn along flows and routes, pointing towards recovery. */
export const ARROW = '►';
/** Dash and gap of a suspected leg, in line widths (PathStyleExtension's unit). */
export const SUSPECTED_DASH: [number, number] = [4, 3];

/** Line width in pixels for a flow of `items`: area-like (square root), so 4× items reads 2× wider. */
export function flowWidth(items: number): number {
	return Math.min(12, Math.max(1, Math.sqrt(items) / 4));
}
