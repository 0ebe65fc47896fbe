// The visible sites as a list: opened, sorted and followed into a site by keyboard alone,
// and kept in step with the map's view.
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

const shots = 'tests/e2e/screenshots';
test.describe.configure({ timeout: 90_000 });

/** Presses Tab until `target` has the focus, as a keyboard reader would. */
async function tabTo(page: Page, target: string, most = 150) {
	for (let i = 0; i < most; i++) {
		await page.keyboard.press('Tab');
		if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, target)) return;
	}
	throw new Error(`${target} never took the focus in ${most} tabs`);
}

const siteNames = (page: Page) => page.getByTestId('site-list').locator('tbody button.site').allTextContents();

test('lists the sites in view, sorts them and opens one, by keyboard only', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/?debug&country=IRQ');
	await expect(page).toHaveURL(/[?&]bbox=/, { timeout: 30_000 });
	await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });

	await tabTo(page, '#explorer-list-toggle');
	await page.keyboard.press('Enter');
	const list = page.getByTestId('site-list');
	await expect(list).toHaveAttribute('aria-busy', 'false');
	await expect(page.locator('#site-list-heading')).toBeFocused();
	const rows = list.locator('tbody tr');
	expect(await rows.count()).toBeGreaterThan(20);
	await expect(list.locator('tbody td:nth-child(2)').first()).toHaveText('Iraq');

	// Sorted by units first (largest first); the Site column sorts by name A→Z.
	await expect(list.locator('th[aria-sort="descending"]')).toHaveText(/Units/);
	await tabTo(page, 'button[data-sort="name"]');
	await page.keyboard.press('Enter');
	await expect(list.locator('th[aria-sort="ascending"]')).toHaveText(/Site/);
	const names = await siteNames(page);
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true })));
	await page.screenshot({ path: `${shots}/site-list-1280x800.png` });

	const first = list.locator('tbody button.site').first();
	const siteId = await first.getAttribute('data-site');
	await tabTo(page, `button.site[data-site="${siteId}"]`);
	await page.keyboard.press('Enter');
	await expect(page.getByTestId('detail-panel')).toHaveAttribute('data-selection', `site:${siteId}`);
	await expect(page.locator('#detail-heading')).toBeFocused();
	await expect(page.locator('#detail-heading')).toContainText(names[0]!.split(' (')[0]!);
	await expect(page).toHaveURL(new RegExp(`sel=site:${siteId}`));
});

test('follows the map: a closer view lists fewer sites', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/?debug&country=IRQ');
	await expect(page).toHaveURL(/[?&]bbox=/, { timeout: 30_000 });
	await page.getByRole('button', { name: 'Sites in view' }).click();
	const list = page.getByTestId('site-list');
	await expect(list).toHaveAttribute('aria-busy', 'false');
	const before = await list.locator('tbody tr').count();
	// Baghdad and its surroundings only.
	await page.evaluate(() => (window as unknown as { __atlasMap: { jumpTo(o: object): void } }).__atlasMap.jumpTo({ center: [44.4, 33.3], zoom: 8 }));
	await expect.poll(() => list.locator('tbody tr').count(), { timeout: 15_000 }).toBeLessThan(before);
	await expect(list).toHaveAttribute('aria-busy', 'false');
	await page.screenshot({ path: `${shots}/site-list-390x844.png` });
});
