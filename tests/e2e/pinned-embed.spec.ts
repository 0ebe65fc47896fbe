// An embed pinned to a data release (`release=N`) still shows that release's figures after
// an editor publishes more evidence in a later release, while the same embed pinned to the
// new release shows the new ones (kept answers: src/lib/server/releases/pinned-request.ts).
// The changes go through the portal as staff make them: the e2e editor verifies and publishes
// two draft events (/admin/review), then unpublishes them again. The first publish makes the
// release the embed cites, so that release's public data is the current one when the embed is
// opened (an earlier spec's import may have moved the public data since the last release, and
// then no answer can be kept as that release's: kept-answers.ts).
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { E2E_ACCOUNTS, signIn } from './sign-in.ts';

const shots = 'tests/e2e/screenshots';

async function editorPage(browser: Browser): Promise<Page> {
	const editor = await (await browser.newContext()).newPage();
	await signIn(editor, E2E_ACCOUNTS.editor.email, E2E_ACCOUNTS.editor.password);
	return editor;
}

interface DraftEvent {
	key: string;
	site: { iso3: string; name: string };
}

async function act(editor: Page, state: 'unverified' | 'verified' | 'published', event: DraftEvent, button: 'Verify' | 'Publish' | 'Unpublish', done: string) {
	// Narrowed to the event's country and site, so the entry is listed however long the queue.
	const where = new URLSearchParams({ state, kind: 'events', country: event.site.iso3, q: event.site.name });
	await editor.goto(`/admin/review?${where}`);
	const key = event.key;
	await editor.locator(`[data-review-entry="${key}"]`).getByRole('checkbox').check();
	await editor.getByRole('button', { name: button }).click();
	await expect(editor.locator(`[data-review-done="${button.toLowerCase()}"]`)).toContainText(done);
}

test('a pinned embed still shows the cited release\'s figure after a later release, while the new release shows the new one', async ({ page, browser }) => {
	test.setTimeout(240_000);
	const editor = await editorPage(browser);
	// The last two draft events with a site (the review spec takes the first).
	await editor.goto('/admin/review?state=unverified&kind=events');
	const draftEvent = async (nth: number): Promise<DraftEvent> => {
		const row = editor.locator('[data-review-entry^="events-"][data-site-id]').nth(nth);
		const key = (await row.getAttribute('data-review-entry'))!;
		const siteId = Number(await row.getAttribute('data-site-id'));
		const { site } = (await (await editor.request.get(`/api/sites/${siteId}`)).json()) as DraftEvent;
		return { key, site };
	};
	const [cited, later] = [await draftEvent(-2), await draftEvent(-1)];
	const site = later.site;
	const published: DraftEvent[] = [];
	const publish = async (event: DraftEvent) => {
		await act(editor, 'unverified', event, 'Verify', '1 record verified');
		await act(editor, 'verified', event, 'Publish', 'published in data release');
		published.push(event);
	};
	const release = async () => Number((await page.request.get('/api/summary')).headers()['data-release']);

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
	try {
		await publish(cited);
		const pinned = await release();
		expect(pinned).toBeGreaterThan(0);
		// Opening the pinned embed while its release is current keeps its figures.
		await open(pinned);
		const before = await chartText();

		await publish(later);
		const latest = await release();
		expect(latest).toBeGreaterThan(pinned);

		await open(pinned);
		expect(await chartText()).toBe(before);
		await expect(page.getByTestId('release-pin-notice')).toHaveAttribute('data-kept', 'true');
		await expect(page.getByTestId('release-pin-notice')).toContainText(`release ${pinned}`);
		await page.setViewportSize({ width: 800, height: 600 });
		await page.screenshot({ path: `${shots}/pinned-embed-kept.png` });

		// The new release counts the published items; the pinned one still does not.
		const items = async (release: number) =>
			((await (await page.request.get(`/api/summary?country=${site.iso3}&release=${release}`)).json()) as { items: number }).items;
		expect(await items(latest)).toBeGreaterThan(await items(pinned));
		await open(latest);
		await expect(page.getByTestId('release-pin-notice')).toHaveCount(0);
		await page.screenshot({ path: `${shots}/pinned-embed-current.png` });
	} finally {
		for (const event of published.reverse()) await act(editor, 'published', event, 'Unpublish', 'back to draft');
		await editor.context().close();
	}
});
