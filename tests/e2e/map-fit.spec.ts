// Every fit keeps what it frames inside the part of the map no panel covers, on a laptop and
// on a phone: the consignment's sites and origin, a country in the Filter. The free area is
// measured here from the panels' own boxes, not from the padding the app computed.
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

const shots = 'tests/e2e/screenshots';
// SwiftShader draws a country's thousand routes slowly on a shared machine.
test.describe.configure({ timeout: 90_000 });
type Point = [number, number];

async function settledMap(page: Page) {
	await expect(page).toHaveURL(/[?&]bbox=/, { timeout: 30_000 });
	await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
	await expect.poll(() => page.evaluate(() => (window as unknown as { __atlasMap: { isMoving(): boolean } }).__atlasMap.isMoving())).toBe(false);
}

/** The places that lie outside the map canvas or under an open panel, with why. */
async function placesOutsideFreeArea(page: Page, places: Point[]) {
	return page.evaluate((places) => {
		const map = (window as unknown as { __atlasMap: { project(p: Point): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__atlasMap;
		const canvas = map.getCanvas().getBoundingClientRect();
		const panels = [...document.querySelectorAll('.top > *, .key-slot > *, .detail-slot, aside.side, .charts-slot, .list-slot > *, .maplibregl-ctrl')]
			.map((element) => ({ name: element.className || element.tagName, rect: element.getBoundingClientRect() }))
			.filter(({ rect }) => rect.width > 0 && rect.height > 0);
		const outside: string[] = [];
		for (const place of places) {
			const { x: cx, y: cy } = map.project(place);
			const [x, y] = [canvas.left + cx, canvas.top + cy];
			if (x < canvas.left || x > canvas.right || y < canvas.top || y > canvas.bottom) outside.push(`${place} off the map at ${x},${y}`);
			for (const { name, rect } of panels) if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) outside.push(`${place} under ${name}`);
		}
		return outside;
	}, places);
}

for (const [width, height] of [[1280, 800], [390, 844]] as const) {
	test.describe(`fits at ${width} px`, () => {
		test.beforeEach(async ({ page }) => page.setViewportSize({ width, height }));

		test('frames a consignment\'s origin and every recovery site clear of the panels', async ({ page, request }) => {
			const routes = await (await request.get('/api/routes.geojson?limit=2000&country=IRQ')).json();
			const id = routes.features.find((f: { properties: { siteName: string } }) => f.properties.siteName.includes('Bashiqa')).properties.consignment as number;
			const detail = await (await request.get(`/api/consignments/${id}`)).json();
			const places: Point[] = [...detail.sites.map((s: { lon: number; lat: number }) => [s.lon, s.lat]), [detail.originPoint.lon, detail.originPoint.lat]];
			expect(places.length).toBe(7);

			await page.goto(`/?debug&consignment=${id}&sel=consignment:${id}`);
			await expect(page.getByTestId('consignment-sites').getByRole('listitem')).toHaveCount(6, { timeout: 15_000 });
			await settledMap(page);
			expect(await placesOutsideFreeArea(page, places)).toEqual([]);
			await page.screenshot({ path: `${shots}/fit-consignment-${width}x${height}.png` });
		});

		test('/?country=IRQ opens framed on Iraq, every Iraqi site clear of the panels', async ({ page, request }) => {
			const sites = await (await request.get('/api/sites.geojson?country=IRQ&limit=5000')).json();
			const places: Point[] = sites.features.map((f: { geometry: { coordinates: Point } }) => f.geometry.coordinates);
			expect(places.length).toBeGreaterThan(20);

			await page.goto('/?debug&country=IRQ');
			await settledMap(page);
			expect(await placesOutsideFreeArea(page, places)).toEqual([]);
			// Framed on Iraq, not the world: the box written to the URL is about Iraq's size.
			const [w, s, e, n] = new URL(page.url()).searchParams.get('bbox')!.split(',').map(Number);
			expect(e - w).toBeLessThan(40);
			expect(n - s).toBeLessThan(30);
			await page.screenshot({ path: `${shots}/fit-iraq-${width}x${height}.png` });
		});

		test('a shared box frames the same area on this screen, and is kept as shared', async ({ page }) => {
			// The Sahel, as a desktop reader framed it.
			const box = '-17.5,9.5,24.5,21';
			await page.goto(`/?debug&bbox=${box}`);
			await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
			const corners: Point[] = [[-17.5, 9.5], [24.5, 21], [-17.5, 21], [24.5, 9.5]];
			expect(await placesOutsideFreeArea(page, corners)).toEqual([]);
			// Framed, not merely on screen: the box fills most of the free area's width or height.
			const filled = await page.evaluate(() => {
				const map = (window as unknown as { __atlasMap: { project(p: Point): { x: number; y: number }; getCanvas(): HTMLCanvasElement } }).__atlasMap;
				const [a, b] = [map.project([-17.5, 21]), map.project([24.5, 9.5])];
				const canvas = map.getCanvas();
				return Math.max((b.x - a.x) / canvas.clientWidth, (b.y - a.y) / canvas.clientHeight);
			});
			expect(filled).toBeGreaterThan(0.5);
			expect(new URL(page.url()).searchParams.get('bbox')).toBe(box);
			await page.screenshot({ path: `${shots}/bbox-sahel-${width}x${height}.png` });
		});
	});
}

test('an old at=lon,lat,zoom link still opens on its place', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/?debug&at=43.4,35,6.2');
	await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
	// Its centre is in the free area, at about the zoom it was shared at (the key narrows the area a little).
	expect(await placesOutsideFreeArea(page, [[43.4, 35]])).toEqual([]);
	const zoom = await page.evaluate(() => (window as unknown as { __atlasMap: { getZoom(): number } }).__atlasMap.getZoom());
	expect(zoom).toBeGreaterThan(5.4);
	expect(zoom).toBeLessThan(6.5);
});
