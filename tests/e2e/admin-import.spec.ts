// Staff import in the browser: sign in as an editor, dry-run a file with problems (every
// problem listed by row, column and reason, nothing committable), then a clean file,
// commit it, and see the committed report, signed in as the editor tests/run.mjs adds.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures.ts';
import { E2E_ACCOUNTS, signIn } from './sign-in.ts';

const { email, password } = E2E_ACCOUNTS.editor;
const fixture = (name: string) => resolve('tests/fixtures/import', name);

test('an editor dry-runs a file with problems and sees each one by row, column and reason', async ({ page }) => {
	await signIn(page, email, password);
	await page.goto('/admin/import');
	await page.locator('input[name=file]').setInputFiles(fixture('bad-coordinates.csv'));
	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	await expect(page).toHaveURL(/\/admin\/import\/\d+$/);
	await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'problems');
	const rows = page.locator('table.problems tbody tr');
	await expect(rows).toHaveCount(5);
	await expect(rows.nth(2)).toContainText('are the two columns swapped?');
	await expect(page.getByRole('button', { name: /^Commit/ })).toHaveCount(0);
	await page.screenshot({ path: 'test-results/admin-import-problems.png', fullPage: true });
});

test('an editor dry-runs a clean file, commits it, and the report says what was added', async ({ page }) => {
	await signIn(page, email, password);
	await page.goto('/admin/import');
	// A source id of its own, so the file is new to the database on every run.
	const file = join(mkdtempSync(join(tmpdir(), 'import-e2e-')), 'tripoli.geojson');
	writeFileSync(file, readFileSync(fixture('clean.geojson'), 'utf8').replaceAll('FIXTURE-GJ-1', `E2E-${Date.now()}`));
	await page.locator('input[name=file]').setInputFiles(file);
	await page.getByRole('button', { name: 'Check the file (dry run)' }).click();
	await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'checked');
	await page.screenshot({ path: 'test-results/admin-import-dry-run.png', fullPage: true });
	await page.getByRole('button', { name: 'Commit: write all 3 rows as drafts' }).click();
	await expect(page.locator('[data-status]')).toHaveAttribute('data-status', 'committed');
	await expect(page.locator('table.counts tbody tr').last()).toContainText('3');
});

test('the import page asks an anonymous reader to sign in', async ({ page }) => {
	await page.goto('/admin/import');
	await expect(page).toHaveURL(/\/login\?next=%2Fadmin%2Fimport/);
});
