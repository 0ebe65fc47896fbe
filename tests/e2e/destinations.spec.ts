import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { test, expect } from './fixtures.ts';

const screenshots = 'tests/e2e/screenshots';

test.describe('the high-risk destinations page', () => {
	test('ranks recipients by items with their evidence, searches, ranks by cases and downloads the rows shown', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/parties?flagged=1');
		await page.getByTestId('destinations-link').click();
		await expect(page).toHaveURL(/\/destinations$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/High-risk destinations/);
		await expect(page.getByRole('navigation').getByRole('link', { name: 'High-risk destinations' })).toHaveAttribute('aria-current', 'page');
		await expect(page.getByRole('heading', { name: /What “later documented in conflict” means here/ })).toBeVisible();

		const rows = page.locator('tr[data-destination]');
		const count = await rows.count();
		expect(count).toBeGreaterThan(5);
		await expect(page.getByTestId('destinations-shown')).toHaveText(`${count} of ${count} destinations shown`);
		const items = await rows.locator('[data-items]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-items'))));
		expect(items).toEqual([...items].sort((a, b) => b - a));
		await expect(rows.first().locator('[data-demo-figure]')).toBeVisible();

		// The evidence behind the first: deliveries, items and cases, each a link to its record.
		const evidence = page.locator('tr[data-evidence]').first();
		await evidence.locator('summary').click();
		await expect(evidence.locator('a[href^="/consignments/"]').first()).toBeVisible();
		await expect(evidence.locator('a[href^="/items/"]').first()).toBeVisible();
		await expect(evidence.locator('a[href^="/cases/"]').first()).toBeVisible();
		await page.screenshot({ path: `${screenshots}/destinations-1280x800.png`, fullPage: false });

		// A flagged broker shows its red flag in the list.
		await page.getByTestId('destinations-search').fill('trading');
		const brokers = await rows.count();
		expect(brokers).toBeGreaterThan(0);
		expect(brokers).toBeLessThan(count);
		await expect(page.getByTestId('destinations-shown')).toHaveText(`${brokers} of ${count} destinations shown`);
		await expect(rows.locator('[data-red-flag]').first()).toBeVisible();

		// Ranked by cases, the rows shown are in order of cases.
		await page.getByTestId('rank-cases').check();
		const cases = await rows.locator('[data-cases]').evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-cases'))));
		expect(cases).toEqual([...cases].sort((a, b) => b - a));

		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('destinations-download').click()]);
		expect(download.suggestedFilename()).toMatch(/^diversion-atlas-high-risk-destinations-all-release-\d+-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = parse(await readFile((await download.path())!, 'utf8'), { columns: true }) as Record<string, string>[];
		expect(csv.length).toBe(brokers);
		expect(csv.map((row) => Number(row['Cases']))).toEqual(cases);
		expect(csv.every((row) => /trading/i.test(row['Recipient']!))).toBe(true);
	});

	test('narrows to a country of manufacture and a period, in the URL', async ({ page }) => {
		await page.goto('/destinations');
		const all = await page.locator('tr[data-destination]').count();
		await page.getByTestId('destinations-made-in').selectOption('BEL');
		await page.getByLabel('From').fill('2015');
		await page.getByLabel('To').fill('2019');
		await page.getByRole('button', { name: 'Apply' }).click();
		await expect(page).toHaveURL(/\/destinations\?made_in=BEL&from=2015&to=2019$/);
		const some = await page.locator('tr[data-destination]').count();
		expect(some).toBeGreaterThan(0);
		expect(some).toBeLessThan(all);
		await expect(page.getByTestId('destinations-made-in')).toHaveValue('BEL');
	});

	test('reads on a phone', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/destinations');
		await expect(page.locator('tr[data-destination]').first()).toBeVisible();
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(390);
		await page.screenshot({ path: `${screenshots}/destinations-390x844.png`, fullPage: false });
	});
});
