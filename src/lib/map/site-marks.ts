// What a recovery site or a cluster of sites looks like on the map: a pie of its item records
// by category (or one colour, its top category), sized by its units or items, with the number
// of sites it stands for written inside. Each look is one MapLibre image, drawn on demand
// (styleimagemissing) from an id that spells it out, so the tiles' attributes pick the image
// by expression and no glyph or sprite host is needed.
import type { ExpressionSpecification } from 'maplibre-gl';
import { ITEM_CATEGORIES, type ItemCategory } from '$lib/domain/vocabulary.ts';
import { CATEGORY_COLOURS, SIZE_STOPS, radiusForUnits } from './map-style.ts';

/** What a mark's colour says: the share of each category (a pie), or the top category only. */
export const SITE_COLOURINGS = ['share', 'top'] as const;
export type SiteColouring = (typeof SITE_COLOURINGS)[number];
/** What a mark's size says: units documented, or item records. */
export const SITE_SIZINGS = ['units', 'items'] as const;
export type SiteSizing = (typeof SITE_SIZINGS)[number];

/** The sites tiles' attribute counting a category's item records (`weapon_items`, …). */
export const itemsKey = (category: ItemCategory) => `${category}_items` as const;
export type CategoryItemsKey = ReturnType<typeof itemsKey>;

/**
 * What a site or cluster holds, as the sites tiles carry it: per category its units (the
 * category's own key) and its item records (`<category>_items`).
 */
export type SiteCounts = Record<ItemCategory | CategoryItemsKey | 'sites' | 'items' | 'units', number>;

/** Every count a site or cluster carries, summed when clusters merge. */
export const SITE_COUNT_KEYS = ['sites', 'items', 'units', ...ITEM_CATEGORIES, ...ITEM_CATEGORIES.map(itemsKey)] as const;

/** Pie slices in 24ths: fine enough to read, coarse enough that nearby shares share an image. */
export const SLICES = 24;
/** Clusters stay below this radius however much they hold, so a world map stays a map. */
export const MAX_CLUSTER_RADIUS = 24;
const UNKNOWN = '#6b7280';

export interface SiteMark {
	colouring: SiteColouring;
	radius: number;
	/** Per category (ITEM_CATEGORIES order), in SLICES; empty when colouring by top category. */
	slices: number[];
	/** The top category's index in ITEM_CATEGORIES, -1 if unknown. */
	top: number;
	/** The number written inside (sites in a cluster), or ''. */
	label: string;
}

export const compactCount = (n: number) => (n >= 10_000 ? `${Math.round(n / 1000)}k` : n >= 1000 ? `${(n / 1000).toFixed(1)}k` : String(n));

/** Enough radius for the label's digits at 10 px bold inside the circle. */
export const labelRadius = (label: string) => (label ? Math.ceil(label.length * 3.3 + 4) : 0);

// Slices and the top category count item records, not units: one ammunition record may hold
// thousands of rounds, and by units nine marks in ten were all ammunition blue, whatever else
// was documented there.
export function slicesOf(counts: SiteCounts): number[] {
	const total = Math.max(1, counts.items);
	return ITEM_CATEGORIES.map((category) => Math.round((SLICES * counts[itemsKey(category)]) / total));
}

export function topOf(counts: SiteCounts): number {
	let top = -1;
	ITEM_CATEGORIES.forEach((category, i) => {
		const items = counts[itemsKey(category)];
		if (items > 0 && (top < 0 || items > counts[itemsKey(ITEM_CATEGORIES[top]!)])) top = i;
	});
	return top;
}

/** The mark of a cluster (counted sites written inside) or a single site. */
export function markOf(counts: SiteCounts, colouring: SiteColouring, sizing: SiteSizing, cluster: boolean): SiteMark {
	const label = cluster && counts.sites > 1 ? compactCount(counts.sites) : '';
	const sized = radiusForUnits(counts[sizing]);
	const radius = Math.round(Math.max(cluster ? Math.min(sized, MAX_CLUSTER_RADIUS) : sized, labelRadius(label)));
	return { colouring, radius, slices: colouring === 'share' ? slicesOf(counts) : [], top: topOf(counts), label };
}

export const MARK_PREFIX = 'site|';

export function markId(mark: SiteMark): string {
	return `${MARK_PREFIX}${mark.colouring}|${mark.radius}|${mark.slices.join('.')}|${mark.top}|${mark.label}`;
}

export function parseMarkId(id: string): SiteMark | null {
	if (!id.startsWith(MARK_PREFIX)) return null;
	const [colouring, radius, slices, top, label] = id.slice(MARK_PREFIX.length).split('|');
	if (!SITE_COLOURINGS.includes(colouring as SiteColouring) || label === undefined) return null;
	return { colouring: colouring as SiteColouring, radius: Number(radius), slices: slices ? slices.split('.').map(Number) : [], top: Number(top), label };
}

/** Circle radius in pixels from the tile attribute `sizing`, as radiusForUnits computes it. */
export function sizeRadius(sizing: SiteSizing): ExpressionSpecification {
	return [
		'interpolate',
		['linear'],
		['sqrt', ['max', ['to-number', ['get', sizing], 1], 1]],
		...SIZE_STOPS.flatMap(([count, radius]) => [Math.sqrt(count), radius])
	] as unknown as ExpressionSpecification;
}

/** The image id of a single site's mark, from its tile attributes: markId(markOf(...)) as an expression. */
export function pointMarkExpression(colouring: SiteColouring, sizing: SiteSizing): ExpressionSpecification {
	const total = ['max', 1, ['to-number', ['get', 'items'], 1]];
	const slices = ITEM_CATEGORIES.flatMap((category, i) => [
		...(i ? ['.'] : []),
		['to-string', ['round', ['/', ['*', SLICES, ['to-number', ['get', itemsKey(category)], 0]], total]]]
	]);
	return [
		'concat',
		`${MARK_PREFIX}${colouring}|`,
		['to-string', ['round', sizeRadius(sizing)]],
		'|',
		...(colouring === 'share' ? slices : []),
		'|',
		['to-string', ['index-of', ['get', 'top'], ['literal', [...ITEM_CATEGORIES]]]],
		'|'
	] as unknown as ExpressionSpecification;
}

/** The mark as pixels: a pie (or disc) with an outline and the label inside. */
export function drawMark(mark: SiteMark, pixelRatio: number, outline: string): ImageData {
	const size = Math.ceil((mark.radius + 2) * 2 * pixelRatio);
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size;
	// Read back at once (getImageData): a canvas kept in CPU memory answers that without a
	// GPU round trip each time. The GPU-backed default spent 1.2 s of the first load's main
	// thread drawing a world view's marks in headless Chromium (profile: tests/bench/first-load).
	const g = canvas.getContext('2d', { willReadFrequently: true })!;
	g.scale(pixelRatio, pixelRatio);
	const c = size / pixelRatio / 2;
	const total = mark.slices.reduce((a, b) => a + b, 0);
	if (mark.colouring === 'share' && total > 0) {
		// Clockwise from twelve o'clock, in the key's order.
		let start = -Math.PI / 2;
		mark.slices.forEach((slice, i) => {
			if (!slice) return;
			const end = start + (2 * Math.PI * slice) / total;
			g.beginPath();
			g.moveTo(c, c);
			g.arc(c, c, mark.radius, start, end);
			g.closePath();
			g.fillStyle = CATEGORY_COLOURS[ITEM_CATEGORIES[i]!];
			g.fill();
			start = end;
		});
	} else {
		g.beginPath();
		g.arc(c, c, mark.radius, 0, 2 * Math.PI);
		g.fillStyle = mark.top >= 0 ? CATEGORY_COLOURS[ITEM_CATEGORIES[mark.top]!] : UNKNOWN;
		g.fill();
	}
	g.beginPath();
	g.arc(c, c, mark.radius, 0, 2 * Math.PI);
	g.lineWidth = 1.5;
	g.strokeStyle = outline;
	g.stroke();
	if (mark.label) {
		g.font = 'bold 10px system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';
		g.textAlign = 'center';
		g.textBaseline = 'middle';
		g.lineWidth = 3;
		g.strokeStyle = 'rgba(0,0,0,0.65)';
		g.strokeText(mark.label, c, c + 0.5);
		g.fillStyle = '#ffffff';
		g.fillText(mark.label, c, c + 0.5);
	}
	return g.getImageData(0, 0, size, size);
}
