// The part of the map no panel covers, as MapLibre padding. Panels float over the map (the
// key, the top bar, bottom sheets on a phone), so a fit that ignores them puts the selected
// sites under the key. Each panel is cleared by moving one side of the free area past it;
// the choice that leaves the largest free rectangle wins.

export interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}
export interface Padding {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

const SIDES = ['top', 'right', 'bottom', 'left'] as const;
// Beyond this many panels the 4^n search is cut to the largest ones (a screen has about five).
const MAX_PANELS = 7;

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const area = (r: Rect) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);

/** How far each side must move in for `panel` to lie outside the free area, per side. */
function cuts(canvas: Rect, panel: Rect): Padding {
	return {
		top: panel.bottom - canvas.top,
		right: canvas.right - panel.left,
		bottom: canvas.bottom - panel.top,
		left: panel.right - canvas.left
	};
}

/**
 * Padding that keeps the free area clear of every panel overlapping the canvas, plus `margin`
 * pixels of air on each side (a site's circle has a radius). Coordinates are the page's
 * (getBoundingClientRect); the padding is relative to the canvas.
 */
export function freeAreaPadding(canvas: Rect, panels: readonly Rect[], margin = 0): Padding {
	const covering = panels
		.filter((panel) => area(panel) > 0 && overlaps(canvas, panel))
		.sort((a, b) => area(b) - area(a))
		.slice(0, MAX_PANELS)
		.map((panel) => cuts(canvas, panel));
	const width = canvas.right - canvas.left;
	const height = canvas.bottom - canvas.top;
	let best: Padding = { top: 0, right: 0, bottom: 0, left: 0 };
	let bestArea = -1;
	const choose = (index: number, padding: Padding) => {
		if (index === covering.length) {
			const free = (width - padding.left - padding.right) * (height - padding.top - padding.bottom);
			if (width - padding.left - padding.right > 0 && height - padding.top - padding.bottom > 0 && free > bestArea) {
				bestArea = free;
				best = padding;
			}
			return;
		}
		for (const side of SIDES) choose(index + 1, { ...padding, [side]: Math.max(padding[side], covering[index][side]) });
	};
	choose(0, best);
	// Air only where there is room for it: a free area never shrinks below a third of the map.
	const air = (side: 'top' | 'right' | 'bottom' | 'left', total: number, used: number) =>
		Math.round(best[side] + Math.max(0, Math.min(margin, (total - used) / 6)));
	return {
		top: air('top', height, best.top + best.bottom),
		right: air('right', width, best.left + best.right),
		bottom: air('bottom', height, best.top + best.bottom),
		left: air('left', width, best.left + best.right)
	};
}
