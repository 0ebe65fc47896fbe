// Review and publish in a real browser (issue 20): an editor verifies a draft event, publishes
// it and sees it on the map, unpublishes it and it is gone; a partner opens its dashboard.
// It signs in with the accounts tests/run.mjs adds before the portal starts (E2E_ACCOUNTS).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { E2E_ACCOUNTS, signIn } from './sign-in.ts';

async function signInAs(page: Page, name: 'editor' | 'partner') {
	const { email, password } = E2E_ACCOUNTS[name];
	await signIn(page, email, password);
}

test('an editor verifies, publishes and unpublishes a draft event, and the public map follows', async ({ page, browser }) => {
	test.setTimeout(180_000);
	await signInAs(page, 'editor');
	await page.goto('/admin/review?state=unverified&kind=events');
	const row = page.locator('[data-review-entry^="events-"][data-site-id]').first();
	const key = (await row.getAttribute('data-review-entry'))!;
	const id = key.split('-')[1];
	const siteId = Number(await row.getAttribute('data-site-id'));
	// Where the event's site is (the editor reads draft sites too), and a box around it.
	const { site } = (await (await page.request.get(`/api/sites/${siteId}`)).json()) as { site: { lon: number; lat: number } };
	const bbox = [site.lon - 0.02, site.lat - 0.02, site.lon + 0.02, site.lat + 0.02].map((v) => v.toFixed(5)).join(',');

	// What an anonymous reader sees there: the items counted in the box, and the map's site list.
	const reader = await browser.newContext();
	const readerPage = await reader.newPage();
	const publicItems = async () => ((await (await reader.request.get(`/api/stats?bbox=${bbox}`)).json()) as { items: number }).items;
	const onPublicMap = async () => {
		await readerPage.goto(`/?bbox=${bbox}`);
		await expect(readerPage.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 45_000 });
		await readerPage.locator('#explorer-list-toggle').click();
		await expect(readerPage.getByTestId('site-list')).toHaveAttribute('aria-busy', 'false');
		return readerPage.getByTestId('site-list').locator(`button.site[data-site="${siteId}"]`).count();
	};
	const itemsBefore = await publicItems();
	const shownBefore = await onPublicMap();

	await row.getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Verify' }).click();
	await expect(page.locator('[data-review-done="verify"]')).toContainText('1 record verified');

	await page.goto('/admin/review?state=verified&kind=events');
	await page.locator(`[data-review-entry="${key}"]`).getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.locator('[data-review-done="publish"]')).toContainText('published in data release');
	await page.screenshot({ path: 'test-results/review-published.png', fullPage: true });
	// Published: the next anonymous answers count its items, and its site is on the map.
	expect(await publicItems()).toBeGreaterThan(itemsBefore);
	expect(await onPublicMap()).toBe(1);
	await readerPage.screenshot({ path: 'test-results/review-published-map.png' });

	await page.goto('/admin/review?state=published&kind=events');
	await page.locator(`[data-review-entry="${key}"]`).getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Unpublish' }).click();
	await expect(page.locator('[data-review-done="unpublish"]')).toContainText('back to draft');
	// Unpublished: the public answers are those of before, on the map too.
	expect(await publicItems()).toBe(itemsBefore);
	expect(await onPublicMap()).toBe(shownBefore);
	await page.goto(`/admin/review?state=verified&kind=events`);
	await expect(page.locator(`[data-review-entry="events-${id}"]`)).toBeVisible();
	await reader.close();
});

test('a partner sees its dashboard: new since its last visit, its materiel and its red flags', async ({ page }) => {
	await signInAs(page, 'partner');
	await page.goto('/partner');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('partner dashboard');
	await expect(page.locator('[data-partner-news]')).toBeVisible();
	await expect(page.locator('#producer-flagged')).toBeVisible();
	await page.screenshot({ path: 'test-results/partner-dashboard.png', fullPage: true });
});

test('with events and cases listed together, the queue says to show one kind to select, and offers no checkbox', async ({ page }) => {
	await signInAs(page, 'editor');
	await page.goto('/admin/review?state=unverified');
	await expect(page.locator('[data-review-entry]').first()).toBeVisible();
	const notice = page.locator('[data-review-one-kind]');
	await expect(notice).toContainText('one kind at a time');
	await expect(page.locator('input[type="checkbox"][name="id"]')).toHaveCount(0);
	await notice.getByRole('link', { name: 'Documentation events' }).click();
	await expect(page).toHaveURL(/kind=events/);
	await expect(page.locator('input[type="checkbox"][name="id"]').first()).toBeVisible();
});
