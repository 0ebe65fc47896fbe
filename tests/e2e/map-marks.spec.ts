// The map's marks: site marks and their counts never overlap, the key says what colour and
// size mean and follows the reader's choice (kept in the URL), flows at world zoom and routes
// one by one for a consignment, suspected legs dashed. Read through the ?debug handles.
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

async function waitForIdleMap(page: Page) {
	await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 60_000 });
}

interface DrawnMark {
	x: number;
	y: number;
	radius: number;
	label: string;
	sites: number;
}

/** The cluster marks on screen: where they are drawn and the radius their image has. */
async function clusterMarks(page: Page): Promise<{ marks: DrawnMark[]; tileSites: number; width: number; height: number }> {
	return page.evaluate(() => {
		type Feature = { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } };
		const map = (window as unknown as {
			__atlasMap: { queryRenderedFeatures(o: object): Feature[]; project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement };
		}).__atlasMap;
		const marks = map.queryRenderedFeatures({ layers: ['sites-cluster-marks'] }).map((feature) => {
			const [, , radius, , , label] = String(feature.properties.icon).split('|');
			const { x, y } = map.project(feature.geometry.coordinates);
			return { x, y, radius: Number(radius), label: label ?? '', sites: Number(feature.properties.sites) };
		});
		const tileSites = map.queryRenderedFeatures({ layers: ['sites-clusters'] }).reduce((sum, f) => sum + Number(f.properties.sites), 0);
		const canvas = map.getCanvas();
		return { marks, tileSites, width: canvas.clientWidth, height: canvas.clientHeight };
	});
}

/** Pairs of marks whose drawn circles (and so the counts inside them) overlap. */
function overlapping(marks: DrawnMark[]): string[] {
	const pairs: string[] = [];
	for (let i = 0; i < marks.length; i++)
		for (let j = i + 1; j < marks.length; j++) {
			const [a, b] = [marks[i]!, marks[j]!];
			if (Math.hypot(a.x - b.x, a.y - b.y) < a.radius + b.radius) pairs.push(`${a.label || a.sites}@${Math.round(a.x)},${Math.round(a.y)} ~ ${b.label || b.sites}@${Math.round(b.x)},${Math.round(b.y)}`);
		}
	return pairs;
}

const VIEWS = { world: '', sahel: '&at=2,15,4.3', iraq: '&at=43.5,33.5,5.6' } as const;

test.describe('site marks, flows and routes', () => {
	// Each test loads the explorer once or twice on a software renderer (SwiftShader).
	test.describe.configure({ timeout: 150_000 });
	for (const [width, height] of [[1280, 800], [390, 844]] as const) {
		for (const [name, at] of Object.entries(VIEWS)) {
			test(`no two cluster marks or their counts overlap: ${name} at ${width} px`, async ({ page }) => {
				await page.setViewportSize({ width, height });
				await page.goto(`/?debug${at}`);
				await waitForIdleMap(page);
				await expect.poll(async () => (await clusterMarks(page)).marks.length, { timeout: 15_000 }).toBeGreaterThan(0);
				const { marks, tileSites } = await clusterMarks(page);
				expect(overlapping(marks)).toEqual([]);
				// Each count fits inside its mark: about 6.6 px per digit at 10 px bold.
				for (const mark of marks) expect(mark.label.length * 6.6 + 2, mark.label).toBeLessThanOrEqual(mark.radius * 2);
				// Merging draws every site the tiles hold, and no more.
				expect(marks.reduce((sum, mark) => sum + mark.sites, 0)).toBe(tileSites);
			});
		}
	}

	test('the key follows the colour and size the reader picks, and the URL keeps them', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/?debug');
		await waitForIdleMap(page);
		const key = page.getByTestId('map-key');
		await expect(key).toHaveAttribute('open', '');
		await expect(key).toContainText('Each slice is a category’s share');
		const icons = () => page.evaluate(() => (window as unknown as { __atlasMap: { queryRenderedFeatures(o: object): { properties: { icon: string } }[] } }).__atlasMap
			.queryRenderedFeatures({ layers: ['sites-cluster-marks'] }).map((f) => f.properties.icon.split('|')[1]));
		expect(new Set(await icons())).toEqual(new Set(['share']));

		await key.getByRole('radio', { name: 'Category with most item records' }).check();
		await expect(page).toHaveURL(/[?&]colour=top/);
		await expect(key).toContainText('the colour of the category with most item records');
		await expect.poll(async () => [...new Set(await icons())]).toEqual(['top']);

		await key.getByRole('radio', { name: 'Item records', exact: true }).check();
		await expect(page).toHaveURL(/[?&]size=items/);
		await expect(key.locator('svg.sizes')).toHaveAttribute('data-size', 'items');
		await page.reload();
		await expect(page.getByTestId('map-key').getByRole('radio', { name: 'Item records', exact: true })).toBeChecked();
		await expect(page.getByTestId('map-key').getByRole('radio', { name: 'Category with most item records' })).toBeChecked();
	});

	test('the key starts collapsed on a 390 px phone, where it would cover a quarter of the map', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/');
		await waitForIdleMap(page);
		await expect(page.getByTestId('map-key')).not.toHaveAttribute('open', '');
		await page.getByText('Layers and key').click();
		await expect(page.getByTestId('map-key')).toHaveAttribute('open', '');
	});

	test('draws flows at world zoom, and a consignment’s routes one by one, suspected legs dashed', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		const layerIds = () => page.evaluate(() => (window as unknown as { __atlasDeck: { _props: { layers: { id: string }[] } } }).__atlasDeck._props.layers.map((layer) => layer.id));
		// Flows are MapLibre layers (one per width class) and arrowhead icons, under the site marks.
		const drawnFlows = () =>
			page.evaluate(() => {
				const map = (window as unknown as { __atlasMap: { getLayersOrder(): string[]; queryRenderedFeatures(o: object): { geometry: { type: string } }[] } }).__atlasMap;
				const order = map.getLayersOrder();
				const lineLayers = order.filter((id) => id.startsWith('flows-'));
				return {
					lines: map.queryRenderedFeatures({ layers: lineLayers }).filter((f) => f.geometry.type.endsWith('LineString')).length,
					arrows: map.queryRenderedFeatures({ layers: ['flow-arrows'] }).length,
					underMarks: [...lineLayers, 'flow-arrows'].every((id) => order.indexOf(id) < order.indexOf('sites-clusters'))
				};
			});
		await page.goto('/?debug');
		await waitForIdleMap(page);
		await expect.poll(async () => (await drawnFlows()).lines, { timeout: 15_000 }).toBeGreaterThan(0);
		const world = await drawnFlows();
		expect(world.arrows).toBeGreaterThan(0);
		expect(world.underMarks).toBe(true);
		expect(await layerIds()).not.toContain('routes-legs');

		// Any consignment with a suspected route (the lead's demo data has several).
		const routes = await (await page.request.get('/api/routes.geojson?limit=2000')).json();
		const suspected = routes.features.find((f: { properties: { status: string; consignment: number | null } }) => f.properties.status === 'suspected' && f.properties.consignment);
		const id = suspected.properties.consignment as number;
		await page.goto(`/?debug&consignment=${id}&sel=consignment:${id}`);
		await waitForIdleMap(page);
		await expect.poll(layerIds, { timeout: 15_000 }).toContain('routes-legs');
		expect(await drawnFlows()).toMatchObject({ lines: 0, arrows: 0 });
		const dashes = await page.evaluate(() => {
			type Leg = { reconstructed: boolean; path: [number, number][] };
			const deck = (window as unknown as { __atlasDeck: { _props: { layers: { id: string; props: { data: Leg[]; getDashArray: (leg: Leg) => number[]; extensions: object[] } }[] } } }).__atlasDeck;
			const legs = deck._props.layers.find((layer) => layer.id === 'routes-legs')!;
			return {
				extensions: legs.props.extensions.length,
				suspected: legs.props.data.filter((leg) => !leg.reconstructed).map((leg) => legs.props.getDashArray(leg)),
				reconstructed: legs.props.data.filter((leg) => leg.reconstructed).map((leg) => legs.props.getDashArray(leg)),
				// Great circles: every leg has intermediate vertices, never a jump past 180°.
				jumps: legs.props.data.flatMap((leg) => leg.path.slice(1).map((p, i) => Math.abs(p[0] - leg.path[i]![0]))).filter((d) => d > 180).length
			};
		});
		expect(dashes.extensions).toBe(1);
		expect(dashes.suspected.length).toBeGreaterThan(0);
		for (const dash of dashes.suspected) expect(dash[0]! * dash[1]!).toBeGreaterThan(0);
		for (const dash of dashes.reconstructed) expect(dash).toEqual([0, 0]);
		expect(dashes.jumps).toBe(0);
		await expect(page.getByTestId('map-key').locator('[data-key-swatch="suspected"] path')).toHaveAttribute('stroke-dasharray', /\d+ \d+/);
	});
});
