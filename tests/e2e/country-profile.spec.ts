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
		// As a place of recovery: charts, not bare tables, each with its N, its demo mark and a table view.
		const charts = page.getByTestId('recovery-charts');
		const items = await page.locator('[data-figure="items"] dd[data-value]').getAttribute('data-value');
		for (const id of ['country-items-by-category', 'country-documentation-by-year', 'country-items-by-country-of-manufacture', 'country-items-by-holding-force', 'country-items-by-type']) {
			const chart = charts.locator(`[data-chart="${id}"]`);
			await expect(chart.locator('svg rect.mark').first()).toBeVisible();
			await expect(chart.locator('.basis')).toHaveText(new RegExp(`N = ${Number(items).toLocaleString('en')} items`));
			await expect(chart.locator('[data-demo-figure]')).toBeVisible();
		}
		const timeline = charts.locator('[data-chart="country-documentation-by-year"]');
		const drawn = await timeline.locator('svg rect.mark').evaluateAll((bars) => bars.reduce((sum, bar) => sum + Number(bar.getAttribute('data-value')), 0));
		expect(drawn).toBe(Number(items));
		await timeline.getByRole('button', { name: 'Table' }).click();
		await expect(timeline.getByRole('table', { name: 'Documentation over time' })).toBeVisible();
		const [csv] = await Promise.all([page.waitForEvent('download'), timeline.locator('[data-download="csv"]').click()]);
		expect(csv.suggestedFilename()).toMatch(/^diversion-atlas-country-documentation-by-year-country-irq-release-\d+-\d{4}-\d{2}-\d{2}\.csv$/);

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
		await expect(page.getByTestId('country-map').locator('[data-map-idle="true"]')).toBeVisible({ timeout: 30_000 });
	});

	test('shows Belgium as an exporter: where its materiel was recovered, over a period the reader picks', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/countries/BEL');
		const section = page.getByTestId('producer-section');
		await expect(section.getByRole('heading', { name: /Made here, documented elsewhere/ })).toBeVisible();
		await expect(page.getByTestId('producer-summary')).toHaveText(/[\d,]+ documented items \([\d,]+ units\) were made in Belgium: [\d,]+ of them documented outside it/);
		const destinations = section.getByRole('table', { name: /Items made here by country of recovery/ });
		await expect(destinations.locator('tbody tr').first()).toBeVisible();
		const map = page.getByTestId('destinations-map');
		await expect(map.locator('[data-map-idle="true"]')).toBeVisible({ timeout: 30_000 });
		await expect(page.getByTestId('open-explorer-made')).toHaveAttribute('href', '/?made_in=BEL');
		await expect(section.getByRole('table', { name: /Share of trace requests answered/ })).toBeVisible();
		// The high-risk destinations of its materiel, linking to the whole list narrowed to Belgium.
		const risky = page.getByTestId('producer-destinations');
		await expect(risky.getByRole('heading', { name: /High-risk destinations of its materiel/ })).toBeVisible();
		await expect(risky.locator('tr[data-destination]').first()).toBeVisible();
		await expect(risky.getByTestId('destinations-all')).toHaveAttribute('href', '/destinations?made_in=BEL');
		await page.screenshot({ path: `${screenshots}/country-BEL-producer-1280x800.png`, fullPage: true });

		// The period form narrows every figure of the section and says so in the URL.
		const before = await page.getByTestId('producer-summary').textContent();
		await section.getByLabel('From').fill('2015');
		await section.getByLabel('To').fill('2019');
		await section.getByRole('button', { name: 'Apply' }).click();
		await expect(page).toHaveURL(/\/countries\/BEL\?from=2015&to=2019$/);
		await expect(page.getByTestId('producer-summary')).not.toHaveText(before!);
		await expect(page.getByTestId('open-explorer-made')).toHaveAttribute('href', '/?made_in=BEL&from=2015&to=2019');
		for (const year of await section.locator('[data-trace-year]').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-trace-year'))))) {
			expect(year).toBeGreaterThanOrEqual(2015);
			expect(year).toBeLessThanOrEqual(2019);
		}
	});
});
