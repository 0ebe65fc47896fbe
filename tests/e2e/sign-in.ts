// Accounts for end-to-end tests and the way a test signs in: through the sign-in page, as a
// person would. The accounts are added before the portal starts (tests/run.mjs runs
// tests/e2e/add-e2e-accounts.ts on the portal's database), with these known passwords.
import { expect, type Page } from '@playwright/test';

export const E2E_ACCOUNTS = {
	admin: { email: 'e2e-admin@atlas.test', password: 'e2e-admin-password-1', role: 'admin', country: null },
	editor: { email: 'e2e-editor@atlas.test', password: 'e2e-editor-password-1', role: 'editor', country: null },
	partner: { email: 'e2e-partner-bgr@atlas.test', password: 'e2e-partner-password-1', role: 'partner', country: 'BGR' }
} as const;

/** Signs in through /login and waits until the portal has taken the reader on. */
export async function signIn(page: Page, email: string, password: string, next = '/'): Promise<void> {
	await page.goto(`/login?next=${encodeURIComponent(next)}`);
	await page.getByLabel('Email').fill(email);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((url) => url.pathname !== '/login');
	await expect(page.getByText(`Signed in as ${email}`)).toBeVisible();
}
