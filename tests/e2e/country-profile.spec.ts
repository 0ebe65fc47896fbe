import { test, expect } from './fixtures.ts';

const screenshots = 'tests/e2e/screenshots';

test.describe('the country profile', () => {
	test('shows Iraq with its headline figures, each with its N, and a map of its recovery sites', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/countries/IRQ');

		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Iraq');

		// Every headline figure has a value and a line saying what it is out of.
		for (const key of ['items', 'originKnown', 'requests', 'responseRate']) {
			const figure = page.locator(`[data-figure="${key}"]`);
			await expect(figure).toBeVisible();
			await expect(figure.locator('dd.n')).toHaveText(/\d/);
		}
		expect(Number(await page.locator('[data-figure="items"] dd[data-value]').getAttribute('data-value'))).toBeGreaterThan(0);
		const share = Number(await page.locator('[data-figure="originKnown"] dd[data-value]').getAttribute('data-value'));
		expect(share).toBeGreaterThan(0);
		expect(share).toBeLessThanOrEqual(1);
		await expect(page.locator('[data-figure="originKnown"] dd.n')).toHaveText(/[\d,]+ of [\d,]+ weapons? documented here/);
		await expect(page.getByTestId('origin-known')).toContainText('known country of manufacture');
		await expect(page.getByRole('table', { name: /Items and units documented here per year \(N = / })).toBeVisible();

		// The explorer's map, framed on Iraq and filtered to its sites.
		const map = page.getByTestId('country-map');
		await expect(map).toBeVisible();
		await expect(map.getByRole('region', { name: 'Map of the recovery sites in Iraq' })).toBeVisible();
		await expect(map.locator('[data-map-idle="true"]')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByTestId('open-explorer').first()).toHaveAttribute('href', '/?country=IRQ');

		await page.screenshot({ path: `${screenshots}/country-IRQ-1280x800.png`, fullPage: true });
	});

	test('shows Romania as a producer with its response rate and the records it no longer holds', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/countries/ROU');
		await expect(page.locator('[data-figure="responseRate"] dd.n')).toHaveText(/[\d,]+ of [\d,]+ requests?/);
		await expect(page.getByTestId('records-unavailable')).toHaveText(/[\d,]+ responses? of [\d,]+ said the records were unavailable/);
		await expect(page.getByRole('rowheader', { name: 'Retention period expired' })).toBeVisible();
		// Nothing was recovered in Romania: no map is drawn.
		await expect(page.getByTestId('country-map')).toHaveCount(0);
		await page.screenshot({ path: `${screenshots}/country-ROU-1280x800.png`, fullPage: true });
	});

	test('is translated into French', async ({ page }) => {
		await page.goto('/countries/IRQ?lang=fr');
		await expect(page.locator('[data-figure="originKnown"] dt')).toHaveText('Armes d’origine établie');
		await expect(page.locator('[data-map-idle="true"]')).toBeVisible({ timeout: 30_000 });
	});
});
