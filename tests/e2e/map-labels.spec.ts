import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

// Place names never overlap: at world view and at regional views (the Sahel, Iraq with its
// town names), on a laptop and on a phone. The boxes are the ones the label placer drew,
// read through the `?debug` handle; each is checked against deck.gl's own picking, so a box
// that is not where its text is drawn fails too.

type Box = [number, number, number, number];
interface DrawnLabel {
	id: string;
	text: string;
	box: Box;
}

const VIEWS = [
	{ name: 'world', at: null },
	{ name: 'Sahel', at: { center: [2, 15], zoom: 4.6 } },
	{ name: 'Iraq', at: { center: [43.7, 33.6], zoom: 6.2 } }
] as const;

async function settled(page: Page) {
	const map = page.getByTestId('explorer-map');
	await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 60_000 });
	// Labels are placed again after the map's last idle (town names come from drawn sites).
	await page.waitForTimeout(600);
	await expect(map).toHaveAttribute('data-map-idle', 'true', { timeout: 60_000 });
}

async function drawnLabels(page: Page): Promise<DrawnLabel[]> {
	return page.evaluate(() => (window as unknown as { __atlasLabels: () => DrawnLabel[] }).__atlasLabels());
}

/** The label ids deck.gl picks inside a screen rectangle. */
async function pickedInside(page: Page, box: Box): Promise<string[]> {
	return page.evaluate((box) => {
		const deck = (window as unknown as { __atlasDeck: { pickObjects(o: object): { object?: { id: string } }[] } }).__atlasDeck;
		const [x0, y0, x1, y1] = box.map(Math.round);
		return deck
			.pickObjects({ x: x0!, y: y0!, width: Math.max(1, x1! - x0!), height: Math.max(1, y1! - y0!), layerIds: ['country-labels', 'town-labels'] })
			.map((picked) => picked.object?.id ?? '');
	}, box);
}

/** The site marks drawn now, as screen boxes (the radius is in the mark's image id). */
async function drawnMarks(page: Page): Promise<Box[]> {
	return page.evaluate(() => {
		type Feature = { geometry: { type: string; coordinates: [number, number] }; properties: { icon?: string }; layer: { layout?: { 'icon-image'?: string | { name: string } } } };
		const map = (window as unknown as { __atlasMap: { queryRenderedFeatures(o: object): Feature[]; project(p: [number, number]): { x: number; y: number } } }).__atlasMap;
		return map.queryRenderedFeatures({ layers: ['sites-cluster-marks', 'sites-points'] }).flatMap((feature): [number, number, number, number][] => {
			const image = feature.properties.icon ?? feature.layer.layout?.['icon-image'];
			const radius = Number(String(typeof image === 'string' ? image : image?.name).split('|')[2]);
			if (feature.geometry.type !== 'Point' || !(radius > 0)) return [];
			const { x, y } = map.project(feature.geometry.coordinates);
			return [[x - radius, y - radius, x + radius, y + radius]];
		});
	});
}

const overlap = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

test.describe.configure({ timeout: 180_000 });

for (const [width, height] of [
	[1280, 800],
	[390, 844]
] as const) {
	for (const view of VIEWS) {
		test(`place names do not overlap at the ${view.name} view, ${width} px wide`, async ({ page }) => {
			await page.setViewportSize({ width, height });
			await page.goto('/?debug');
			await settled(page);
			if (view.at) {
				await page.evaluate((at) => (window as unknown as { __atlasMap: { jumpTo(o: object): void } }).__atlasMap.jumpTo(at), view.at);
				await settled(page);
			}
			const labels = await drawnLabels(page);
			// Boxes are in the map canvas's pixels; the canvas is the window less the header.
			const canvas = (await page.getByTestId('explorer-map').boundingBox())!;
			const [w, h] = [canvas.width, canvas.height];
			const onScreen = labels.filter(({ box }) => box[2] > 0 && box[0] < w && box[3] > 0 && box[1] < h);
			expect(onScreen.length, 'labels on screen').toBeGreaterThan(view.name === 'world' ? 8 : 4);
			if (view.name === 'Iraq') expect(onScreen.filter((label) => label.id.startsWith('site-')).length, 'town names').toBeGreaterThan(2);

			// One assertion over every pair: an expect per pair is a traced step each (~20,000).
			const overlapping = labels.flatMap((a, i) => labels.slice(i + 1).filter((b) => overlap(a.box, b.box)).map((b) => `"${a.text}" overlaps "${b.text}"`));
			expect(overlapping).toEqual([]);
			// Nor does a name sit under a site mark: it moves beside the marks, or is left out.
			const marks = await drawnMarks(page);
			expect(marks.length, 'site marks drawn').toBeGreaterThan(3);
			const covered = labels.filter((label) => marks.some((mark) => overlap(label.box, mark))).map((label) => label.text);
			expect(covered).toEqual([]);
			// A few boxes on screen, each holding its drawn label (a GPU pick is slow under SwiftShader).
			for (const label of onScreen.filter(({ box }) => box[0] >= 0 && box[1] >= 0 && box[2] <= w && box[3] <= h).slice(0, 6)) {
				expect(await pickedInside(page, label.box), `"${label.text}" drawn inside its box`).toContain(label.id);
			}
		});
	}
}
