import { test as plain } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { E2E_ACCOUNTS, signIn } from './sign-in.ts';

const { admin, partner } = E2E_ACCOUNTS;

test('an administrator signs in, reads the audit log filtered to sign-ins, and signs out', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
	await page.screenshot({ path: 'test-results/screenshots/login.png', fullPage: true });

	await signIn(page, admin.email, admin.password, '/admin/audit');
	await expect(page).toHaveURL(/\/admin\/audit$/);
	await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
	await page.getByLabel('Action').selectOption('LOGIN');
	await page.getByLabel('Actor').fill(admin.email);
	await page.getByRole('button', { name: 'Filter' }).click();
	await expect(page).toHaveURL(/action=LOGIN/);
	const rows = page.locator('tbody tr');
	await expect(rows.first()).toContainText(admin.email);
	await expect(rows.first()).toContainText('LOGIN');
	await page.screenshot({ path: 'test-results/screenshots/admin-audit.png', fullPage: true });

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
	await page.goto('/admin/audit');
	await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Faudit$/);
});

test('a partner authority signed in is told who it is and cannot open the audit log', async ({ page }) => {
	await signIn(page, partner.email, partner.password);
	const response = await page.request.get('/admin/audit');
	expect(response.status()).toBe(403);
	await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
});

// The plain test: a refused sign-in answers 400, which the fixture would count as a fault.
plain('a wrong password is refused in words that do not say whether the email has an account', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Email').fill(admin.email);
	await page.getByLabel('Password').fill('not the password');
	await page.getByRole('button', { name: 'Sign in' }).click();
	await expect(page.getByRole('alert')).toHaveText('The email or password is not right.');
	await expect(page.getByLabel('Email')).toHaveValue(admin.email);
	await expect(page).toHaveURL(/\/login/);
});
