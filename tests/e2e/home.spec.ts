import { test, expect } from './fixtures.ts';

const screenshots = 'tests/e2e/screenshots';

test.describe('the home page', () => {
	test('names the portal, flags demo data and shows positive counts', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto('/about');

		await expect(page).toHaveTitle(/Diversion Atlas/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Diversion Atlas');

		const notice = page.getByRole('region', { name: 'Demo data' });
		await expect(notice).toBeVisible();
		await expect(notice).toContainText('synthetic');
		await expect(notice).toContainText('Diversion Digest Issue 03');
		await expect(notice).toContainText('2015–2019');

		const figures = page.locator('[data-figure]');
		await expect(figures).toHaveCount(8);
		for (const key of ['items', 'units', 'sites', 'cases', 'routes', 'traceRequests', 'traceResponses', 'parties']) {
			const value = await page.locator(`[data-figure="${key}"] dd`).getAttribute('data-value');
			expect(Number(value), `${key} count`).toBeGreaterThan(0);
		}
		await page.screenshot({ path: `${screenshots}/home-1280x800.png`, fullPage: true });
	});

	test('fits a 390 px phone without horizontal scrolling', async ({ page }) => {
		await page.setViewportSize({ width: 390, height: 844 });
		await page.goto('/about');
		await expect(page.getByRole('region', { name: 'Demo data' })).toBeVisible();
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		await page.screenshot({ path: `${screenshots}/home-390x844.png`, fullPage: true });
	});

	test('switches language with ?lang= and back with the switcher', async ({ page }) => {
		await page.goto('/about?lang=fr');
		await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
		await expect(page.getByRole('region', { name: 'Données de démonstration' })).toBeVisible();
		await page.getByRole('link', { name: 'English' }).click();
		await expect(page.getByRole('region', { name: 'Demo data' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	});

	test('has landmarks and a skip link that reaches the main content', async ({ page }) => {
		await page.goto('/about');
		await expect(page.getByRole('banner')).toBeVisible();
		await expect(page.getByRole('main')).toBeVisible();
		await expect(page.getByRole('contentinfo')).toBeVisible();
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to main content' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
	});
});
