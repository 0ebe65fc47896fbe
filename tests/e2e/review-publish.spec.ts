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

test('an editor verifies, publishes and unpublishes a draft event, and the map follows', async ({ page }) => {
	await signInAs(page, 'editor');
	await page.goto('/admin/review?state=unverified&kind=events');
	const row = page.locator('[data-review-entry^="events-"]').first();
	const key = (await row.getAttribute('data-review-entry'))!;
	const id = key.split('-')[1];
	await row.getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Verify' }).click();
	await expect(page.locator('[data-review-done="verify"]')).toContainText('1 record verified');

	await page.goto('/admin/review?state=verified&kind=events');
	await page.locator(`[data-review-entry="${key}"]`).getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.locator('[data-review-done="publish"]')).toContainText('published in data release');
	await page.screenshot({ path: 'test-results/review-published.png', fullPage: true });

	await page.goto('/admin/review?state=published&kind=events');
	await page.locator(`[data-review-entry="${key}"]`).getByRole('checkbox').check();
	await page.getByRole('button', { name: 'Unpublish' }).click();
	await expect(page.locator('[data-review-done="unpublish"]')).toContainText('back to draft');
	await page.goto(`/admin/review?state=verified&kind=events`);
	await expect(page.locator(`[data-review-entry="events-${id}"]`)).toBeVisible();
});

test('a partner sees its dashboard: new since its last visit, its materiel and its red flags', async ({ page }) => {
	await signInAs(page, 'partner');
	await page.goto('/partner');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('partner dashboard');
	await expect(page.locator('[data-partner-news]')).toBeVisible();
	await expect(page.locator('#producer-flagged')).toBeVisible();
	await page.screenshot({ path: 'test-results/partner-dashboard.png', fullPage: true });
});
