// An embed pinned to a data release (`release=N`) still shows that release's figures after
// an editor publishes more evidence in a later release, while the same embed pinned to the
// new release shows the new ones (kept answers: src/lib/server/releases/pinned-request.ts).
// The change goes through the portal as staff make it: the e2e editor verifies and publishes
// a draft event (/admin/review), then unpublishes it again.
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { E2E_ACCOUNTS, signIn } from './sign-in.ts';

const shots = 'tests/e2e/screenshots';

async function editorPage(browser: Browser): Promise<Page> {
	const editor = await (await browser.newContext()).newPage();
	await signIn(editor, E2E_ACCOUNTS.editor.email, E2E_ACCOUNTS.editor.password);
	return editor;
}

async function act(editor: Page, state: 'unverified' | 'verified' | 'published', key: string, button: 'Verify' | 'Publish' | 'Unpublish', done: string) {
	await editor.goto(`/admin/review?state=${state}&kind=events`);
	await editor.locator(`[data-review-entry="${key}"]`).getByRole('checkbox').check();
	await editor.getByRole('button', { name: button }).click();
	await expect(editor.locator(`[data-review-done="${button.toLowerCase()}"]`)).toContainText(done);
}

test('a pinned embed still shows the cited release\'s figure after a later release, while the new release shows the new one', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const editor = await editorPage(browser);
	// The last draft event with a site (the review spec takes the first).
	await editor.goto('/admin/review?state=unverified&kind=events');
	const row = editor.locator('[data-review-entry^="events-"][data-site-id]').last();
	const key = (await row.getAttribute('data-review-entry'))!;
	const siteId = Number(await row.getAttribute('data-site-id'));
	const { site } = (await (await editor.request.get(`/api/sites/${siteId}`)).json()) as { site: { iso3: string } };
	const pinned = Number((await page.request.get('/api/summary')).headers()['data-release']);
	expect(pinned).toBeGreaterThan(0);

	const chartText = async () => {
		const chart = page.getByTestId('embed-chart').getByRole('figure', { name: 'Item categories' });
		await expect(chart).toBeVisible({ timeout: 30_000 });
		return (await chart.textContent())!.replace(/\s+/g, ' ');
	};
	const open = async (release: number) => {
		await page.goto(`/embed?country=${site.iso3}&chart=category&release=${release}`);
		await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 45_000 });
		await page.waitForLoadState('networkidle');
	};
	// Opening the pinned embed while its release is current keeps its figures.
	await open(pinned);
	const before = await chartText();

	await act(editor, 'unverified', key, 'Verify', '1 record verified');
	await act(editor, 'verified', key, 'Publish', 'published in data release');
	try {
		const later = Number((await page.request.get('/api/summary')).headers()['data-release']);
		expect(later).toBeGreaterThan(pinned);

		await open(pinned);
		expect(await chartText()).toBe(before);
		await expect(page.getByTestId('release-pin-notice')).toHaveAttribute('data-kept', 'true');
		await expect(page.getByTestId('release-pin-notice')).toContainText(`release ${pinned}`);
		await page.setViewportSize({ width: 800, height: 600 });
		await page.screenshot({ path: `${shots}/pinned-embed-kept.png` });

		// The new release counts the published items; the pinned one still does not.
		const items = async (release: number) =>
			((await (await page.request.get(`/api/summary?country=${site.iso3}&release=${release}`)).json()) as { items: number }).items;
		expect(await items(later)).toBeGreaterThan(await items(pinned));
		await open(later);
		await expect(page.getByTestId('release-pin-notice')).toHaveCount(0);
		await page.screenshot({ path: `${shots}/pinned-embed-current.png` });
	} finally {
		await act(editor, 'published', key, 'Unpublish', 'back to draft');
		await editor.context().close();
	}
});
