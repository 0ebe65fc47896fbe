import { describe, expect, it } from 'vitest';
import { freeAreaPadding, type Rect } from '../../../src/lib/map/free-area.ts';

const rect = (left: number, top: number, right: number, bottom: number): Rect => ({ left, top, right, bottom });
const desktop = rect(320, 60, 1280, 800);

describe('freeAreaPadding clears every panel over the map', () => {
	it.each([
		['no panel: no padding', desktop, [], { top: 0, right: 0, bottom: 0, left: 0 }],
		['a panel outside the canvas (the filter column) is ignored', desktop, [rect(0, 60, 320, 800)], { top: 0, right: 0, bottom: 0, left: 0 }],
		// The key at the lower left: moving the left side past it loses 200×740, the bottom 960×300.
		['the key is cleared by the cheaper side', desktop, [rect(328, 500, 528, 780)], { top: 0, right: 0, bottom: 0, left: 208 }],
		['a top bar pushes the top down', desktop, [rect(328, 68, 1230, 110)], { top: 50, right: 0, bottom: 0, left: 0 }],
		// A phone: a bottom sheet over 60 % and the top buttons.
		['a phone bottom sheet and top bar', rect(0, 56, 390, 844), [rect(0, 371, 390, 844), rect(8, 64, 340, 130)], { top: 74, right: 0, bottom: 473, left: 0 }]
	])('%s', (_name, canvas, panels, expected) => {
		expect(freeAreaPadding(canvas, panels)).toEqual(expected);
	});

	it('leaves no panel overlapping the free area, whatever the panels', () => {
		const panels = [rect(328, 500, 528, 780), rect(328, 68, 1230, 110), rect(1236, 68, 1272, 140), rect(900, 300, 1280, 800)];
		const p = freeAreaPadding(desktop, panels);
		const free = rect(desktop.left + p.left, desktop.top + p.top, desktop.right - p.right, desktop.bottom - p.bottom);
		expect(free.right).toBeGreaterThan(free.left);
		expect(free.bottom).toBeGreaterThan(free.top);
		for (const panel of panels) {
			const overlap = panel.left < free.right && free.left < panel.right && panel.top < free.bottom && free.top < panel.bottom;
			expect(overlap, JSON.stringify(panel)).toBe(false);
		}
	});

	it('adds the margin as air on each side, but never more than a sixth of the room left', () => {
		expect(freeAreaPadding(rect(0, 0, 1000, 600), [], 24)).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
		expect(freeAreaPadding(rect(0, 0, 120, 600), [], 24)).toEqual({ top: 24, right: 20, bottom: 24, left: 20 });
	});
});
