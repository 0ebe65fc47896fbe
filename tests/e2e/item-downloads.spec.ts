// The item downloads offered on a view carry its Filter: the explorer's charts panel and a
// country page each download a CSV and a GeoJSON named after the view, starting with the
// columns of the data dictionary.
import { readFile } from 'node:fs/promises';
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

const HEADER_START = 'item_id,record_url,category,item_type,model,calibre';
const today = () => new Date().toISOString().slice(0, 10);
/** The current data release as the API names it (every answer says which release answered). */
const releasePart = async (page: Page) => {
	const release = (await page.request.get('/api/summary')).headers()['data-release'];
	expect(release).toMatch(/^\d+$/);
	return `-release-${release}`;
};

async function downloadFrom(page: Page, which: 'items-csv' | 'items-geojson') {
	const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-download="${which}"]`).first().click()]);
	return { name: download.suggestedFilename(), text: (await readFile(await download.path(), 'utf8')).replace(/^\ufeff/, '') };
}

test.describe('item downloads', () => {
	test('the explorer downloads the items of the filtered view as CSV and GeoJSON', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/?country=SOM&category=weapon');
		// A click before hydration does nothing (seen on a loaded machine): click until it opens.
		await expect(async () => {
			await page.locator('.charts-toggle').click();
			await expect(page.getByTestId('charts-panel')).toBeVisible({ timeout: 1000 });
		}).toPass({ timeout: 30_000 });
		const downloads = page.getByTestId('charts-panel').getByTestId('item-downloads');
		await expect(downloads.locator('[data-download="items-csv"]')).toHaveAttribute('href', '/api/export.csv?country=SOM&category=weapon');
		await page.getByTestId('charts-panel').screenshot({ path: 'tests/e2e/screenshots/item-downloads-charts-panel.png' });

		const csv = await downloadFrom(page, 'items-csv');
		expect(csv.name).toBe(`diversion-atlas-items-country-som-category-weapon${await releasePart(page)}-${today()}.csv`);
		const [header, first] = csv.text.split('\r\n');
		expect(header.startsWith(HEADER_START)).toBe(true);
		expect(first).toMatch(/^\d+,https?:\/\/[^,]+\/items\/\d+,weapon,/);

		const geojson = await downloadFrom(page, 'items-geojson');
		expect(geojson.name).toBe(`diversion-atlas-items-country-som-category-weapon${await releasePart(page)}-${today()}.geojson`);
		const collection = JSON.parse(geojson.text);
		expect(collection.metadata.query).toBe('country=SOM&category=weapon');
		expect(collection.features.length).toBeGreaterThan(0);
		expect(collection.features.every((f: { properties: { recovered_in_iso3: string } }) => f.properties.recovered_in_iso3 === 'SOM')).toBe(true);
	});

	test('a country page downloads its items, and the dictionary explains every column', async ({ page }) => {
		await page.goto('/countries/IRQ');
		await page.getByTestId('item-downloads').scrollIntoViewIfNeeded();
		await page.screenshot({ path: 'tests/e2e/screenshots/item-downloads-country.png' });
		const csv = await downloadFrom(page, 'items-csv');
		expect(csv.name).toBe(`diversion-atlas-items-country-irq${await releasePart(page)}-${today()}.csv`);
		const header = csv.text.slice(0, csv.text.indexOf('\r\n'));
		expect(header.startsWith(HEADER_START)).toBe(true);

		await page.getByRole('link', { name: 'What the columns mean' }).first().click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data dictionary of the item downloads');
		const documented = await page.locator('tbody tr[data-column]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-column')));
		expect(documented).toEqual(header.split(','));
	});
});
