// Where the explorer's panels cover the map, read from their real boxes at the moment of a
// fit: which panels are open, how tall the phone's sheets are and how wide the key folds out
// all depend on the window and the language, so no fixed padding is right everywhere.
import { freeAreaPadding, type Padding, type Rect } from '$lib/map/free-area.ts';

/** The attribute marking an element that floats over the map (in the page markup); `children` means each child is a panel of its own (a bar of buttons). */
export const MAP_OVERLAY = 'data-map-overlay';

// Air between the framed sites and the panels: a site's circle is up to ~25 px across.
const MARGIN = 28;

function panelRects(canvas: HTMLElement): Rect[] {
	const marked = [...document.querySelectorAll<HTMLElement>(`[${MAP_OVERLAY}]`)].flatMap((element) =>
		element.getAttribute(MAP_OVERLAY) === 'children' ? [...element.children] : [element]
	);
	// MapLibre's own controls (zoom buttons, scale bar) sit over the map as well.
	const controls = [...canvas.querySelectorAll('.maplibregl-ctrl')];
	return [...marked, ...controls].map((element) => element.getBoundingClientRect()).filter((rect) => rect.width > 0 && rect.height > 0);
}

/** Padding that keeps what a fit frames inside the part of `canvas` no open panel covers. */
export function panelPadding(canvas: HTMLElement | null): Padding {
	if (!canvas) return { top: MARGIN, right: MARGIN, bottom: MARGIN, left: MARGIN };
	return freeAreaPadding(canvas.getBoundingClientRect(), panelRects(canvas), MARGIN);
}
