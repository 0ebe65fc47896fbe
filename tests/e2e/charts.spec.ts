import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

const screenshots = 'tests/e2e/screenshots';

async function waitForIdleMap(page: Page) {
	await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
}

/** Every request a filter change starts has answered: a further change would abort them. */
async function settle(page: Page) {
	await expect(page.getByTestId('charts-panel')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
	await expect(page.getByTestId('summary-counts')).toHaveAttribute('aria-busy', 'false', { timeout: 30_000 });
	await expect(page.getByTestId('map-loading')).toHaveCount(0, { timeout: 30_000 });
	await waitForIdleMap(page);
}

const itemCount = async (page: Page) => Number(await page.locator('[data-count="items"]').getAttribute('data-value'));

async function openCharts(page: Page, query = '') {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto(`/${query}`);
	// A click before hydration does nothing (seen on a loaded machine): click until it opens.
	await expect(async () => {
		if (!(await page.getByTestId('charts-panel').isVisible())) await page.getByRole('button', { name: 'Charts', exact: true }).click();
		await expect(page.getByTestId('charts-panel')).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 30_000 });
	await expect(page.locator('[data-chart="items-by-category"] .bar').first()).toBeVisible({ timeout: 30_000 });
}

test.describe('the charts panel', () => {
	test('brushing the timeline sets from/to in the URL and the map counts follow', async ({ page }) => {
		await openCharts(page);
		await settle(page);
		const before = await itemCount(page);
		const chart = page.locator('[data-chart="documentation-by-year"]');
		const first = await chart.locator('rect[data-key="2016"]').boundingBox();
		const last = await chart.locator('rect[data-key="2018"]').boundingBox();
		if (!first || !last) throw new Error('no bars for 2016–2018');
		const y = first.y + first.height / 2;
		await page.mouse.move(first.x + 2, y);
		await page.mouse.down();
		await page.mouse.move(last.x + last.width - 2, y, { steps: 8 });
		await page.mouse.up();
		await expect(page).toHaveURL(/[?&]from=2016-01-01&to=2018-12-31/);
		await expect.poll(() => itemCount(page)).toBeLessThan(before);
		await expect(chart.getByText('Showing 2016–2018')).toBeVisible();
		await settle(page);
	});

	test('clicking a category bar adds category= to the URL, and again removes it', async ({ page }) => {
		await openCharts(page);
		const bar = page.locator('[data-chart="items-by-category"] .bar[data-key="weapon"]');
		await bar.click();
		await expect(page).toHaveURL(/[?&]category=weapon/);
		await expect(page.locator('[data-chart="items-by-category"] .bar[data-key="weapon"]')).toHaveAttribute('aria-pressed', 'true');
		await settle(page);
		// The keyboard path: the same bar is a button.
		await page.locator('[data-chart="items-by-category"] .bar[data-key="weapon"]').focus();
		await page.keyboard.press('Enter');
		await expect(page).not.toHaveURL(/category=/);
		await settle(page);
	});

	test('pointing at a bar of the facet charts or a year of the timeline draws the sites it stands for on the map, and only while pointed at', async ({ page }) => {
		// Five charts pointed at in turn, each waiting for its tiles and an idle map: 15 s on a
		// quiet machine, over 30 s while CI runs other work beside it.
		test.setTimeout(90_000);
		await openCharts(page, '?debug');
		await settle(page);
		const highlighted = () =>
			page.evaluate(() => {
				const map = (window as unknown as { __atlasMap: import('maplibre-gl').Map }).__atlasMap;
				return map.getLayer('sites-highlight') ? map.queryRenderedFeatures({ layers: ['sites-highlight'] }).length : -1;
			});
		for (const chart of ['items-by-type', 'items-by-country-of-manufacture', 'items-by-holding-force', 'items-by-category']) {
			const bar = page.locator(`[data-chart="${chart}"] .bar`).last();
			const value = await bar.getAttribute('data-key');
			const key = { 'items-by-type': 'type', 'items-by-country-of-manufacture': 'made_in', 'items-by-holding-force': 'group', 'items-by-category': 'category' }[chart]!;
			const tile = page.waitForRequest((request) => request.url().includes('/tiles/sites/') && new URL(request.url()).searchParams.get(key) === value);
			await bar.hover();
			await tile;
			await waitForIdleMap(page);
			await expect.poll(highlighted, { message: `${chart} ${value}` }).toBeGreaterThan(0);
			await expect(page.getByTestId('map-highlight')).toContainText(/^Outlined: sites with /);
			if (chart === 'items-by-type') await page.screenshot({ path: `${screenshots}/charts-hover-type-1280x800.png` });
			await page.mouse.move(5, 790);
			await expect.poll(highlighted).toBe(-1);
			await expect(page.getByTestId('map-highlight')).toHaveCount(0);
		}
		// A year of the timeline, under the brush: the sites documented that year.
		const year = await page.locator('[data-chart="documentation-by-year"] rect.mark[data-key="2014"]').boundingBox();
		if (!year) throw new Error('no bar for 2014');
		const yearTiles = page.waitForRequest((request) => request.url().includes('/tiles/sites/') && /from=2014-01-01&to=2014-12-31/.test(request.url()));
		await page.mouse.move(year.x + year.width / 2, year.y + year.height / 2);
		await yearTiles;
		await waitForIdleMap(page);
		await expect.poll(highlighted, { message: 'year 2014' }).toBeGreaterThan(0);
		await expect(page.getByTestId('map-highlight')).toHaveText('Outlined: sites with items documented in 2014');
		await page.mouse.move(5, 790);
		await expect.poll(highlighted).toBe(-1);
		// Pointing at a bar is not choosing it.
		await expect(page).not.toHaveURL(/type=|made_in=|group=|category=|from=|to=/);
	});

	test("a chart's CSV download holds exactly its bars", async ({ page }) => {
		await openCharts(page);
		await settle(page);
		const chart = page.locator('[data-chart="items-by-category"]');
		const bars = await chart.locator('.bar').evaluateAll((nodes) => nodes.map((n) => [n.getAttribute('data-key'), Number(n.getAttribute('data-value'))]));
		// Files name the data release they come from, as the API names it.
		const release = (await page.request.get('/api/summary')).headers()['data-release'];
		expect(release).toMatch(/^\d+$/);
		const [download] = await Promise.all([page.waitForEvent('download'), chart.locator('[data-download="csv"]').click()]);
		expect(download.suggestedFilename()).toBe(`diversion-atlas-items-by-category-all-release-${release}-${new Date().toISOString().slice(0, 10)}.csv`);
		const csv = (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '');
		const [header, ...lines] = csv.trim().split('\r\n');
		expect(header).toBe('Value,Code,Items,Units');
		const rows = lines.map((line) => line.split(','));
		expect(rows.map((cells) => [cells[1], Number(cells[2])])).toEqual(bars);
		// … and the table a screen reader reads says the same.
		const table = await chart.getByTestId('chart-table').locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Number(tr.querySelectorAll('td')[1]?.getAttribute('data-value'))));
		expect(table).toEqual(bars.map(([, value]) => value));

		const [svg] = await Promise.all([page.waitForEvent('download'), chart.locator('[data-download="svg"]').click()]);
		expect(svg.suggestedFilename()).toBe(`diversion-atlas-items-by-category-all-release-${release}-${new Date().toISOString().slice(0, 10)}.svg`);
		// The picture says what it shows, under which filter, from where, and that it is demo data.
		const picture = await readFile(await svg.path(), 'utf8');
		expect(picture).toContain('<svg');
		// (Its lines wrap at spaces to the chart's width, so each is looked for in words that stay together.)
		for (const words of ['Filter: none', 'Source: Diversion Atlas', `data release ${release}`, 'Demo data:']) expect(picture).toContain(words);
		const [png] = await Promise.all([page.waitForEvent('download'), chart.locator('[data-download="png"]').click()]);
		expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe('PNG');
		await png.saveAs(`${screenshots}/chart-download-items-by-category.png`);
	});

	test('the explorer with charts at 1280×800', async ({ page }) => {
		await openCharts(page);
		await expect(page.getByTestId('chart-reading').first()).not.toBeEmpty();
		await settle(page);
		await page.screenshot({ path: `${screenshots}/charts-1280x800.png` });
		await page.locator('[data-chart="decade-of-manufacture"]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${screenshots}/charts-scrolled-1280x800.png` });
		await page.setViewportSize({ width: 390, height: 844 });
		await page.locator('[data-chart="documentation-by-year"]').scrollIntoViewIfNeeded();
		await page.screenshot({ path: `${screenshots}/charts-390x844.png` });
	});
});
