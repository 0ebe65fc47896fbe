import { test, expect } from './fixtures.ts';

// The published case records come first in the data set: case 1 is the Letfallah II
// seizure, case 3 the sorbitol traced to a red-flagged Turkish distributor.
test.describe('provenance on record pages', () => {
	test('a real state party is a published record, but its request figures carry the demo mark', async ({ page }) => {
		// Followed by address, not by a click: a click before hydration ends loads the page twice.
		await page.goto('/cases/1');
		await page.goto((await page.getByRole('link', { name: 'Government of Romania' }).first().getAttribute('href'))!);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Government of Romania');
		await expect(page.locator('.record-header [data-synthetic="false"]')).toHaveText('Published record');
		const requests = page.locator('[data-figure="requests"]');
		await expect(requests).toContainText(/trace requests? received/);
		await expect(requests.locator('[data-demo-figure]')).toHaveText('Demo data');
	});

	test('a country profile marks its figures as demo data and its real case as a published record', async ({ page }) => {
		await page.goto('/countries/IRQ');
		await expect(page.locator('[data-figure="items"] [data-demo-figure]')).toHaveText('Demo data');
		const realCase = page.getByRole('row').filter({ hasText: 'One mortar consignment, six places in Iraq' });
		await expect(realCase.locator('[data-synthetic="false"]')).toHaveText('Published record');
		await expect(page.locator('tr:has([data-synthetic="true"]) [data-synthetic="false"]')).toHaveCount(0);
		// Romania as a producer: the requests it received are demo rows.
		await page.goto('/countries/ROU');
		await expect(page.locator('[data-figure="requests"] [data-demo-figure]')).toHaveText('Demo data');
	});

	test('a case page shows the red flag and its reason on the flagged party, and the flagged list has it', async ({ page }) => {
		await page.goto('/cases/3');
		const distributor = page.getByRole('row').filter({ hasText: 'Turkish distributor' });
		await expect(distributor.locator('[data-red-flag]')).toContainText('Red flag');
		await expect(distributor.locator('[data-red-flag]')).toContainText('sister companies in Syria');
		await page.goto('/parties');
		await expect(page).toHaveURL(/\/parties\?flagged=1$/);
		const row = page.getByRole('row').filter({ hasText: 'Turkish distributor' });
		await expect(row.locator('[data-reason]')).toContainText('sister companies in Syria');

		// The list is searchable, and the rows shown download as CSV.
		const all = await page.locator('tr[data-party]').count();
		expect(all).toBeGreaterThan(1);
		await page.getByTestId('flagged-search').fill('sister companies');
		await expect(page.locator('tr[data-party]')).toHaveCount(1);
		await expect(page.getByTestId('flagged-shown')).toHaveText(`1 of ${all} parties shown`);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('flagged-download').click()]);
		expect(download.suggestedFilename()).toMatch(/^diversion-atlas-red-flagged-parties-\d{4}-\d{2}-\d{2}\.csv$/);
		const csv = (await (await download.createReadStream()).toArray()).join('');
		const lines = csv.trim().split('\r\n');
		expect(lines[0]).toBe('Party,id,Kind,Country,Reason for the flag,Cases,Transfers sent,Transfers received,Demo record');
		expect(lines).toHaveLength(2);
		expect(lines[1]).toContain('Turkish distributor');
	});

	test('a date the record does not give is shown as not published, and no agreed reply is invented', async ({ page }) => {
		await page.goto('/cases/1');
		await page.goto((await page.getByRole('link', { name: /155 mm RDX-TNT round/ }).getAttribute('href'))!);
		await expect(page.getByText('Issued date not published', { exact: false })).toBeVisible();
		await expect(page.locator('.no-reply').first()).toHaveText(/No right-of-reply text agreed with the respondent is published/);
	});

	test('the about page marks each figure that counts demo rows', async ({ page }) => {
		await page.goto('/about');
		for (const key of ['items', 'sites', 'cases', 'traceRequests', 'parties']) {
			await expect(page.locator(`[data-figure="${key}"] [data-demo-figure]`)).toHaveText('Demo data');
		}
	});
});
