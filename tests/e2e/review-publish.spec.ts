// Review and publish in a real browser (issue 20): an editor verifies a draft event, publishes
// it and sees it on the map, unpublishes it and it is gone; a partner opens its dashboard.
// Ready for the accounts work: it signs in with signIn() from ./sign-in.ts and the accounts
// named by E2E_EDITOR and E2E_PARTNER ("email:password", e.g. made with `npm run user:add`);
// until both exist it is skipped, and says why.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const signInModule = fileURLToPath(new URL('./sign-in.ts', import.meta.url));
const credentials = (name: 'E2E_EDITOR' | 'E2E_PARTNER') => {
	const [email, password] = (process.env[name] ?? '').split(':');
	return email && password ? { email, password } : null;
};
const ready = existsSync(signInModule) && credentials('E2E_EDITOR') !== null && credentials('E2E_PARTNER') !== null;
test.skip(!ready, 'needs tests/e2e/sign-in.ts (accounts) and E2E_EDITOR / E2E_PARTNER accounts');

async function signInAs(page: Page, name: 'E2E_EDITOR' | 'E2E_PARTNER') {
	const { signIn } = (await import(signInModule)) as { signIn: (page: Page, email: string, password: string) => Promise<void> };
	const { email, password } = credentials(name)!;
	await signIn(page, email, password);
}

test('an editor verifies, publishes and unpublishes a draft event, and the map follows', async ({ page }) => {
	await signInAs(page, 'E2E_EDITOR');
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
	await signInAs(page, 'E2E_PARTNER');
	await page.goto('/partner');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('partner dashboard');
	await expect(page.locator('[data-partner-news]')).toBeVisible();
	await expect(page.locator('#producer-flagged')).toBeVisible();
	await page.screenshot({ path: 'test-results/partner-dashboard.png', fullPage: true });
});
