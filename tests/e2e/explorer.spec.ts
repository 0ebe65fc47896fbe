import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

const screenshots = 'tests/e2e/screenshots';

/** Waits until MapLibre reports idle (data-map-idle) after the last change. */
async function waitForIdleMap(page: Page) {
	await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
}

/** Distinct rendered features of the sites layers, read through the ?debug handle. */
async function renderedSites(page: Page, layer: 'sites-points' | 'sites-clusters') {
	return page.evaluate((layer) => {
		const map = (window as unknown as { __atlasMap: { queryRenderedFeatures(o: object): { properties: Record<string, unknown>; geometry: { coordinates: unknown } }[] } }).__atlasMap;
		return map.queryRenderedFeatures({ layers: [layer] }).map((f) => ({ ...f.properties, at: JSON.stringify(f.geometry.coordinates) }) as Record<string, unknown>);
	}, layer);
}

test.describe('the explorer', () => {
	test('shows recovery sites, and a filter changes URL, counts and tile URLs', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		const tiles: string[] = [];
		page.on('request', (request) => {
			if (request.url().includes('/tiles/sites/')) tiles.push(request.url());
		});
		await page.goto('/?debug');
		await expect(page.getByRole('region', { name: 'Map of recovery sites and routes' })).toBeVisible();
		await expect(page.getByTestId('demo-notice')).toBeVisible();
		await waitForIdleMap(page);
		expect((await renderedSites(page, 'sites-clusters')).length).toBeGreaterThan(0);
		const before = Number(await page.locator('[data-count="items"]').getAttribute('data-value'));
		expect(before).toBeGreaterThan(0);
		await page.screenshot({ path: `${screenshots}/explorer-1280x800.png` });

		tiles.length = 0;
		await page.locator('[data-facet="category"] summary').click();
		await page.getByRole('checkbox', { name: /^Ammunition/ }).check();
		await expect(page).toHaveURL(/[?&]category=ammunition/);
		await expect.poll(async () => Number(await page.locator('[data-count="items"]').getAttribute('data-value'))).toBeLessThan(before);
		await waitForIdleMap(page);
		expect(tiles.some((url) => url.includes('category=ammunition'))).toBe(true);
		const tops = new Set((await renderedSites(page, 'sites-clusters')).map((p) => p.top));
		expect([...tops]).toEqual(['ammunition']);
		await page.screenshot({ path: `${screenshots}/explorer-filtered-1280x800.png` });

		await page.goBack();
		await expect(page).not.toHaveURL(/category=/);
		await expect.poll(async () => Number(await page.locator('[data-count="items"]').getAttribute('data-value'))).toBe(before);
	});

	test('finds serial 99352 and follows the FN MAG to Libya', async ({ page }) => {
		// Two whole map loads (before and after the reload), each drawn by SwiftShader.
		test.setTimeout(90_000);
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/?debug');
		await page.getByLabel('Serial, lot or order number').fill('99352');
		await page.getByLabel('Serial, lot or order number').press('Enter');
		await expect(page).toHaveURL(/[?&]q=99352/);
		const hit = page.getByTestId('search-results').getByRole('button', { name: /FN MAG/ });
		await hit.click();
		await expect(page).toHaveURL(/sel=item:\d+/);
		const chain = page.getByTestId('item-chain');
		await expect(chain).toContainText('Libya', { timeout: 15_000 });
		// Named by its model, not its id.
		await expect(page.locator('#detail-heading')).toBeFocused();
		await expect(page.locator('#detail-heading')).toContainText('MAG');
		await expect(page.locator('#detail-heading')).not.toContainText(/Item \d/);
		await waitForIdleMap(page);
		await page.screenshot({ path: `${screenshots}/explorer-search-1280x800.png` });

		// A reload while routes still load would abort their request: let the view settle.
		await expect(page.getByTestId('map-loading')).toHaveCount(0, { timeout: 30_000 });
		const url = page.url();
		await page.reload();
		await expect(page.getByTestId('item-chain')).toContainText('Libya', { timeout: 15_000 });
		expect(page.url()).toBe(url);
		// The reloaded page settles (MapLibre arrives after the panels) before the key is pressed.
		await waitForIdleMap(page);
		await expect(page.getByTestId('map-loading')).toHaveCount(0, { timeout: 30_000 });
		expect(page.url()).toBe(url);
		await page.keyboard.press('Escape');
		await expect(page.getByTestId('detail-panel')).toHaveCount(0);
		await expect(page).not.toHaveURL(/sel=/);
		await page.goBack();
		await expect(page.getByTestId('detail-panel')).toBeVisible();
		await expect(page.getByTestId('map-loading')).toHaveCount(0, { timeout: 30_000 });
	});

	test('a consignment shows every site its items were recovered at', async ({ page, request }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		// The Iraq mortar consignment: the one whose routes end at Bashiqa.
		const routes = await (await request.get('/api/routes.geojson?limit=2000&country=IRQ')).json();
		const bashiqa = routes.features.find((f: { properties: { siteName: string } }) => f.properties.siteName.includes('Bashiqa'));
		expect(bashiqa, 'a route to Bashiqa').toBeTruthy();
		const id = bashiqa.properties.consignment as number;

		await page.goto(`/?debug&consignment=${id}&sel=consignment:${id}`);
		const sites = page.getByTestId('consignment-sites').getByRole('listitem');
		await expect(sites).toHaveCount(6, { timeout: 15_000 });
		for (const town of ['Bashiqa', 'Hawija', 'Qaraqosh', 'Ramadi', 'Tikrit']) await expect(page.getByTestId('consignment-sites')).toContainText(town);
		await waitForIdleMap(page);
		await page.screenshot({ path: `${screenshots}/explorer-consignment-1280x800.png` });
		await page.evaluate(() => (window as unknown as { __atlasMap: { jumpTo(o: object): void } }).__atlasMap.jumpTo({ center: [43.4, 35.0], zoom: 6.2 }));
		await expect(page).toHaveURL(/[?&]bbox=4[0-9.]+,3[0-9.]+,4[0-9.]+,3[0-9.]+/);
		await waitForIdleMap(page);
		// Tiles may repeat a point at a tile edge: count distinct sites.
		const points = await renderedSites(page, 'sites-points');
		expect(new Set(points.map((p) => p.id ?? p.at)).size).toBe(6);
	});

	test('works on a 390 px phone with the filters as a bottom sheet', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/?debug');
		await waitForIdleMap(page);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await expect(page.getByTestId('summary-counts')).toBeVisible();
		await page.screenshot({ path: `${screenshots}/explorer-390x844.png` });
		await page.getByRole('button', { name: 'Filters and search' }).click();
		await expect(page.getByLabel('Serial, lot or order number')).toBeVisible();
		await page.screenshot({ path: `${screenshots}/explorer-filters-390x844.png` });
		await page.keyboard.press('Escape');
		await expect(page.getByLabel('Serial, lot or order number')).toBeHidden();
	});

	test('keeps a mistyped date in the time range and says in words what is wrong, in English and French', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		for (const [lang, message] of [
			['en', '31 February is not a date in 2019: that month has 28 days.'],
			['fr', 'Le 31 février 2019 n’existe pas']
		] as const) {
			await page.goto(`/?lang=${lang}`);
			await waitForIdleMap(page);
			const from = page.locator('input[name="from"]');
			// Typed before hydration, the change handler is not attached yet: type until it answers.
			await expect(async () => {
				await from.fill('2019-02-31');
				await from.press('Enter');
				await from.blur();
				await expect(page.getByTestId('time-hint')).toContainText(message, { timeout: 1_000 });
			}).toPass({ timeout: 15_000 });
			await expect(from).toHaveValue('2019-02-31');
			await expect(from).toHaveAttribute('aria-invalid', 'true');
			// Nothing refused reaches the URL: the view is unchanged.
			expect(new URL(page.url()).searchParams.has('from')).toBe(false);
		}
		await page.screenshot({ path: `${screenshots}/explorer-time-invalid-fr-1280x800.png` });
	});

	test('reports an invalid filter in words', async ({ page }) => {
		await page.goto('/?country=Iraq');
		await expect(page.getByTestId('filter-error')).toContainText('country');
	});
});
