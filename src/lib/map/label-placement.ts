// Which labels the map draws: greedy placement in priority order, a label kept only when its
// box (text plus a margin) overlaps no label kept before it, as a cartographer places names.
// Boxes are in world pixels at a given zoom (Web Mercator, 512 px tiles, as MapLibre draws), so
// a placement made at zoom z stays free of overlaps at every zoom above z: positions spread,
// boxes keep their pixel size. Done on the CPU rather than by deck.gl's GPU collision filter
// so the portal knows which names are drawn (the label test reads exactly these boxes).

/** The system fonts deck.gl rasterises (no web font: no third-party host). */
export const LABEL_FONT = 'system-ui, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif';

export interface LabelCandidate {
	id: string;
	text: string;
	lon: number;
	lat: number;
	/** Font size in pixels. */
	size: number;
	/** Higher first. */
	priority: number;
	/** Where the text starts relative to its point, in pixels: town names sit beside their site. */
	offset: [number, number];
	anchor: 'middle' | 'start';
	/** Font weight, for measuring. */
	weight: number;
	/**
	 * When the label at `offset` would cover site marks, it may move straight down or up just
	 * clear of them (a country's name beside the marks on its point rather than under them).
	 */
	movable?: boolean;
	/** Drawn even over a site mark when no offset is clear of them (the Filter's countries). */
	keep?: boolean;
}

/** Left, top, right, bottom. */
export type Box = [number, number, number, number];

export interface PlacedLabel extends LabelCandidate {
	/** The label's box in world pixels at the zoom it was placed at. */
	box: Box;
}

/** Width in pixels of a label's text at its size and weight. */
export type MeasureText = (label: LabelCandidate) => number;

/** A text line is this many times its font size tall (ascent, descent and the glyph buffer). */
export const LINE_HEIGHT = 1.2;

/** Space kept between two labels, in pixels. */
export const LABEL_MARGIN = 3;

export function worldPixel(lon: number, lat: number, zoom: number): [number, number] {
	const scale = 512 * 2 ** zoom;
	const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
	return [((lon + 180) / 360) * scale, (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * scale];
}

/** The box of a label drawn at a point (in any pixel space), margin included. */
export function labelBox(label: LabelCandidate, point: [number, number], width: number, margin = LABEL_MARGIN): Box {
	const left = point[0] + label.offset[0] - (label.anchor === 'middle' ? width / 2 : 0);
	const height = label.size * LINE_HEIGHT;
	const top = point[1] + label.offset[1] - height / 2;
	return [left - margin, top - margin, left + width + margin, top + height + margin];
}

export const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/**
 * The labels to draw, in priority order: each at the first of its offsets whose box overlaps
 * no label kept before it and none of the `marks` (site marks' boxes in world pixels at
 * `zoom`); a label that must be kept goes at its first offset clear of labels alone; the
 * rest are left out.
 */
export function placeLabels(candidates: readonly LabelCandidate[], zoom: number, measure: MeasureText, marks: readonly Box[] = []): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	const ordered = [...candidates].sort((a, b) => b.priority - a.priority || a.id.localeCompare(b.id));
	for (const label of ordered) {
		const point = worldPixel(label.lon, label.lat, zoom);
		const width = measure(label);
		const at = (offset: [number, number]): PlacedLabel => ({ ...label, offset, box: labelBox({ ...label, offset }, point, width) });
		const tries = [at(label.offset)];
		if (label.movable) for (const direction of [1, -1] as const) tries.push(...movedClear(tries[0]!, direction, marks, at));
		const clearOfLabels = tries.filter(({ box }) => !placed.some((other) => overlaps(box, other.box)));
		const chosen = clearOfLabels.find(({ box }) => !marks.some((mark) => overlaps(box, mark))) ?? (label.keep ? clearOfLabels[0] : undefined);
		if (chosen) placed.push(chosen);
	}
	return placed;
}

/** How far a name may move off its point to clear the marks there, in pixels. */
export const MAX_MOVE = 60;

/**
 * The label moved down (1) or up (-1) until its box clears the marks it covers (a few steps:
 * moving off one mark may land on the next), or nothing if that takes more than MAX_MOVE.
 */
function movedClear(label: PlacedLabel, direction: 1 | -1, marks: readonly Box[], at: (offset: [number, number]) => PlacedLabel): PlacedLabel[] {
	let moved = label;
	for (let step = 0; step < 4; step++) {
		const hit = marks.filter((mark) => overlaps(moved.box, mark));
		if (!hit.length) return moved === label ? [] : [moved];
		const shift = direction > 0 ? Math.max(...hit.map((mark) => mark[3])) - moved.box[1] : Math.min(...hit.map((mark) => mark[1])) - moved.box[3];
		const offset: [number, number] = [moved.offset[0], moved.offset[1] + shift + direction * 0.5];
		if (Math.abs(offset[1] - label.offset[1]) > MAX_MOVE) return [];
		moved = at(offset);
	}
	return [];
}

/** A round site mark's box in world pixels at `zoom`, as placeLabels takes obstacles. */
export function markBox(lon: number, lat: number, radius: number, zoom: number): Box {
	const [x, y] = worldPixel(lon, lat, zoom);
	return [x - radius, y - radius, x + radius, y + radius];
}
