import { describe, expect, it } from 'vitest';
import { markBox, overlaps, placeLabels, worldPixel, type LabelCandidate } from '../../../src/lib/map/label-placement.ts';

const label = (id: string, lon: number, lat: number, priority: number, text = id): LabelCandidate => ({
	id,
	text,
	lon,
	lat,
	size: 12,
	priority,
	offset: [0, 0],
	anchor: 'middle',
	weight: 600
});
/** 7 px per character, as a rough system font at 12 px. */
const measure = (candidate: LabelCandidate) => candidate.text.length * 7;

describe('label placement', () => {
	it('keeps the higher-priority label of two that would overlap', () => {
		const placed = placeLabels([label('Lebanon', 35.9, 33.9, 1), label('Syria', 38.5, 35.0, 5)], 1.3, measure);
		expect(placed.map((l) => l.id)).toEqual(['Syria']);
	});

	it('keeps both labels once the zoom spreads them apart', () => {
		const placed = placeLabels([label('Lebanon', 35.9, 33.9, 1), label('Syria', 38.5, 35.0, 5)], 6, measure);
		expect(placed.map((l) => l.id).sort()).toEqual(['Lebanon', 'Syria']);
	});

	it('places no two labels whose boxes overlap, among many crowded ones', () => {
		const crowd = Array.from({ length: 200 }, (_, i) => label(`c${i}`, -15 + (i % 20) * 1.5, 5 + Math.floor(i / 20) * 1.2, i % 7));
		const placed = placeLabels(crowd, 3, measure);
		expect(placed.length).toBeGreaterThan(5);
		for (const [i, a] of placed.entries()) for (const b of placed.slice(i + 1)) expect(overlaps(a.box, b.box), `${a.id} / ${b.id}`).toBe(false);
	});

	it('stays free of overlaps at every zoom above the one it was placed at', () => {
		const crowd = Array.from({ length: 60 }, (_, i) => label(`c${i}`, 30 + (i % 10) * 0.8, 30 + Math.floor(i / 10) * 0.6, i));
		const placed = placeLabels(crowd, 4, measure);
		const at = (zoom: number) =>
			placed.map((l) => {
				const [dx, dy] = [worldPixel(l.lon, l.lat, zoom), worldPixel(l.lon, l.lat, 4)].reduce((p, q) => [p[0] - q[0], p[1] - q[1]] as never);
				return [l.box[0] + dx, l.box[1] + dy, l.box[2] + dx, l.box[3] + dy] as [number, number, number, number];
			});
		for (const zoom of [4, 4.2, 5, 7]) {
			const boxes = at(zoom);
			for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `zoom ${zoom}`).toBe(false);
		}
	});

	it('places a town name beside its site, not over it', () => {
		const town: LabelCandidate = { ...label('Mosul', 43.13, 36.34, 1), anchor: 'start', offset: [8, 0] };
		const [placed] = placeLabels([town], 8, measure);
		const [x] = worldPixel(43.13, 36.34, 8);
		expect(placed!.box[0]).toBeGreaterThan(x);
	});

	describe('around site marks', () => {
		const iraq = { ...label('Iraq', 44, 33, 5), movable: true };
		const mark = markBox(44, 33, 14, 2);

		it('moves a name just below the mark on its point', () => {
			const [placed] = placeLabels([iraq], 2, measure, [mark]);
			expect(overlaps(placed!.box, mark)).toBe(false);
			// Its top edge meets the mark's bottom edge (half a pixel apart).
			expect(placed!.box[1] - mark[3]).toBeCloseTo(0.5, 5);
		});

		it('moves on past a second mark the first move lands on', () => {
			const [x, y] = worldPixel(44, 33, 2);
			const below: [number, number, number, number] = [x - 10, y + 15, x + 10, y + 35];
			const [placed] = placeLabels([iraq], 2, measure, [mark, below]);
			expect(overlaps(placed!.box, mark) || overlaps(placed!.box, below)).toBe(false);
			expect(placed!.box[1]).toBeGreaterThan(below[3]);
		});

		it('keeps its own offset when no mark is in the way', () => {
			const [placed] = placeLabels([iraq], 2, measure, [markBox(10, 0, 14, 2)]);
			expect(placed!.offset).toEqual([0, 0]);
		});

		it('leaves out a name that cannot clear the marks within reach, unless it must be kept', () => {
			const [x, y] = worldPixel(44, 33, 2);
			const column: [number, number, number, number][] = [[x - 30, y - 100, x + 30, y + 100]];
			expect(placeLabels([iraq], 2, measure, column)).toEqual([]);
			const [kept] = placeLabels([{ ...iraq, keep: true }], 2, measure, column);
			expect(kept!.offset).toEqual([0, 0]);
		});

		it('never moves a name onto another name', () => {
			// Syria ranks first and sits just below the mark, where Iraq would move first: Iraq goes above.
			const syria = { ...label('Syria', 44, 33, 9), offset: [0, 32] as [number, number] };
			const placed = placeLabels([iraq, syria], 2, measure, [mark]);
			const moved = placed.find((l) => l.id === 'Iraq')!;
			expect(moved.offset[1]).toBeLessThan(0);
			expect(overlaps(moved.box, mark)).toBe(false);
		});
	});
});
