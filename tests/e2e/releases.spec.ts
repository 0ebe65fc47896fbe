import { test, expect } from './fixtures.ts';

const screenshots = 'tests/e2e/screenshots';

test.describe('data releases', () => {
	test('the footer names the current release and links the log, which lists it first with the demo mark', async ({ page }) => {
		await page.goto('/about');
		const footer = page.getByTestId('footer-release');
		await expect(footer).toHaveText(/^Data release \d+ · \d{4}-\d{2}-\d{2}$/);
		const number = (await footer.textContent())!.match(/release (\d+)/)![1];

		await footer.getByRole('link').click();
		await expect(page).toHaveURL(/\/changes$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changes and corrections');
		await expect(page.getByTestId('release').first().getByRole('heading', { level: 2 })).toHaveText(`Release ${number}`);
		await expect(page.getByRole('region', { name: 'Demo data' })).toBeVisible();
		await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/changes.atom');
		await page.screenshot({ path: `${screenshots}/changes-1280.png`, fullPage: true });
	});

	test('a link citing the current release shows no notice; one citing another says so and links the log', async ({ page }) => {
		await page.goto('/about');
		const number = (await page.getByTestId('footer-release').textContent())!.match(/release (\d+)/)![1];
		await page.goto(`/about?release=${number}`);
		await expect(page.getByTestId('footer-release')).toBeVisible();
		await expect(page.getByTestId('release-pin-notice')).toHaveCount(0);

		await page.goto('/?release=999');
		const notice = page.getByRole('region', { name: 'This link cites another data release' });
		await expect(notice).toContainText(`This link cites release 999, which does not exist. The figures shown are those of the current release ${number}.`);
		await expect(notice.getByRole('link', { name: 'See what changed' })).toHaveAttribute('href', `/changes#release-${number}`);
	});

	test('the explorer offers the watch feed of its current filter', async ({ page }) => {
		await page.goto('/?country=IRQ&category=weapon');
		await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', '/feed.atom?country=IRQ&category=weapon');
	});

	test('API answers name the release that answered, and refuse a pin that is no release number', async ({ request }) => {
		const current = await request.get('/api/summary');
		const pinned = await request.get('/api/summary?release=1');
		expect(pinned.status()).toBe(200);
		expect(pinned.headers()['data-release']).toMatch(/^\d+$/);
		expect(pinned.headers()['data-release']).toBe(current.headers()['data-release']);
		const refused = await request.get('/api/summary?release=first');
		expect(refused.status()).toBe(400);
		expect(await refused.json()).toMatchObject({ field: 'release' });
	});
});
