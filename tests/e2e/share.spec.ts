// Views leave the portal: an embed inside another site's page (a real cross-origin host, at a
// phone's and a column's width), the Share dialog by keyboard, and copying its link and embed
// code through the clipboard.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test as plain, type Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const shots = 'tests/e2e/screenshots';
test.describe.configure({ timeout: 90_000 });

/**
 * Another site's page holding `frame`: served by a server of its own at `localhost` (the
 * portal is `127.0.0.1`), a different origin and site, so framing is cross-site. A real
 * loopback server, not a routed answer: Chromium blocks a public page's frame of a loopback
 * address (local network access), which a portal on the internet never meets.
 */
let host: Server;
const hostPages = new Map<string, string>();
test.beforeAll(async () => {
	host = createServer((req, res) => {
		// Nothing else (the browser's favicon request) is an error of the portal's.
		res.writeHead(hostPages.has(req.url!) ? 200 : 204, { 'content-type': 'text/html' });
		res.end(hostPages.get(req.url!) ?? '');
	});
	await new Promise<void>((listening) => host.listen(0, '127.0.0.1', listening));
});
test.afterAll(() => new Promise<void>((closed) => host.close(() => closed())));

async function hostPage(page: Page, frame: string) {
	const path = `/article-${hostPages.size}`;
	hostPages.set(path, `<!doctype html><html><body style="margin:0;background:#eee"><h1 style="font:16px sans-serif;margin:8px">A news article</h1>${frame}</body></html>`);
	await page.goto(`http://localhost:${(host.address() as AddressInfo).port}${path}`);
}

for (const width of [320, 800]) {
	test(`an embed in another site's page at ${width} px shows its map, title, data date, attribution, demo notice and link back`, async ({ page, baseURL }) => {
		await page.setViewportSize({ width: width + 20, height: 620 });
		const src = `${baseURL}/embed?country=IRQ,SYR&bbox=35,29,49,38&chart=category`;
		await hostPage(page, `<iframe src="${src}" width="${width}" height="520" title="Diversion Atlas map" style="border:1px solid #999"></iframe>`);
		const embed = page.frameLocator('iframe');
		await expect(embed.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 45_000 });
		await expect(embed.getByTestId('embed-chart').getByRole('figure', { name: 'Item categories' })).toBeVisible({ timeout: 30_000 });
		for (const part of [embed.getByTestId('embed-title'), embed.getByTestId('demo-notice'), embed.getByTestId('embed-credit'), embed.getByTestId('embed-link-back')]) {
			await expect(part).toBeInViewport();
		}
		await expect(embed.getByTestId('embed-title')).toHaveText('All documented items · in Iraq, Syria');
		await expect(embed.getByTestId('embed-credit')).toContainText(/Data as of \w{3} \d{1,2}, \d{4}/);
		await expect(embed.getByTestId('embed-credit')).toContainText('Natural Earth');
		const back = embed.getByTestId('embed-link-back');
		await expect(back).toHaveAttribute('href', `${baseURL}/?country=IRQ,SYR&bbox=35,29,49,38`);
		await expect(back).toHaveAttribute('target', '_blank');
		await expect(back).toHaveAttribute('rel', 'noopener');
		// At 320 px the chart goes below the map; beside it where there is room.
		const map = await embed.getByTestId('explorer-map').boundingBox();
		const chart = await embed.getByTestId('embed-chart').boundingBox();
		if (width === 320) expect(chart!.y).toBeGreaterThanOrEqual(map!.y + map!.height - 1);
		else expect(chart!.x).toBeGreaterThanOrEqual(map!.x + map!.width - 1);
		await page.screenshot({ path: `${shots}/share-embed-${width}.png` });
	});
}

test('a static embed draws the same map with no controls and does not move', async ({ page, baseURL }) => {
	await page.goto(`${baseURL}/embed?country=IRQ&bbox=38,29,49,38&mode=static&legend=0`);
	await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 45_000 });
	await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveCount(0);
	await expect(page.locator('.key-slot')).toHaveCount(0);
	const url = page.url();
	const canvas = page.locator('canvas.maplibregl-canvas');
	const before = await canvas.screenshot();
	const box = (await canvas.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	await page.mouse.down();
	await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2 + 40, { steps: 8 });
	await page.mouse.up();
	await page.mouse.wheel(0, -600);
	await page.waitForTimeout(500);
	expect((await canvas.screenshot()).equals(before)).toBe(true);
	expect(page.url()).toBe(url);
});

plain('another site cannot frame the explorer: only /embed may be framed', async ({ page, baseURL }) => {
	const refused: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error' && /frame-ancestors/.test(message.text())) refused.push(message.text());
	});
	await hostPage(page, `<iframe id="embed" src="${baseURL}/embed?country=IRQ" width="400" height="300"></iframe><iframe id="explorer" src="${baseURL}/?country=IRQ" width="400" height="300"></iframe>`);
	await expect(page.frameLocator('#embed').getByTestId('explorer-map')).toBeVisible({ timeout: 30_000 });
	await expect.poll(() => refused.length, { timeout: 15_000 }).toBeGreaterThan(0);
	// Chromium names the refused page by its origin and path: the explorer's, never the embed's.
	expect(refused).toEqual([expect.stringMatching(new RegExp(`^Framing '${baseURL}/' violates .*"frame-ancestors 'self'"`))]);
	await expect(page.frameLocator('#explorer').getByTestId('explorer-map')).toHaveCount(0);
});

test('the Share dialog opens and closes by keyboard and hands focus back', async ({ page, baseURL }) => {
	await page.goto(`${baseURL}/?country=IRQ`);
	const opener = page.getByTestId('share-open');
	await opener.focus();
	await page.keyboard.press('Enter');
	const dialog = page.getByRole('dialog', { name: 'Share this view' });
	await expect(dialog).toBeVisible();
	// The modal dialog holds focus: tabbing stays inside it.
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Tab');
		expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
	}
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(opener).toBeFocused();
	// The filter panel was not closed by the same Escape, and the page is where it was.
	await expect(page).toHaveURL(/country=IRQ/);
});

test('copying the link and the embed code puts them on the clipboard and says so', async ({ page, context, baseURL }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
	await page.goto(`${baseURL}/?category=ammunition&country=IRQ`);
	await expect(page).toHaveURL(/bbox=/, { timeout: 30_000 });
	// Everything handed out cites the data release the figures come from, as the API names it.
	const release = (await page.request.get('/api/summary')).headers()['data-release'];
	expect(release).toMatch(/^\d+$/);
	await page.getByTestId('share-open').click();
	await page.getByTestId('share-copy-link').click();
	await expect(page.getByTestId('share-link-outcome')).toHaveText('Copied');
	const permalink = `${page.url()}&release=${release}`;
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(permalink);

	await page.getByTestId('share-embed-chart').selectOption('timeline');
	await page.getByTestId('share-embed-mode').selectOption('static');
	await page.getByTestId('share-embed-height').fill('360');
	await page.getByTestId('share-embed-width').fill('640');
	await expect(page.getByTestId('share-embed-size')).toHaveText('Frame size: 640 × 360 px');
	await page.getByTestId('share-copy-embed').click();
	await expect(page.getByTestId('share-embed-outcome')).toHaveText('Copied');
	const code = await page.evaluate(() => navigator.clipboard.readText());
	const bbox = new URL(page.url()).searchParams.get('bbox')!;
	expect(code).toBe(
		`<iframe src="${baseURL}/embed?country=IRQ&amp;category=ammunition&amp;bbox=${bbox}&amp;release=${release}&amp;mode=static&amp;chart=timeline&amp;height=360" width="640" height="360" title="Ammunition · in Iraq" style="border:0;max-width:100%" loading="lazy" referrerpolicy="no-referrer"></iframe>`
	);
	await expect(page.getByTestId('share-citation')).toHaveValue(new RegExp(`^Diversion Atlas, Ammunition · in Iraq, ${permalink.replace(/[.?*+^$()[\]{}|\\]/g, '\\$&')}, data release ${release}, retrieved \\w+ \\d{1,2}, \\d{4}$`));
	await expect(page.getByTestId('share-feed')).toHaveAttribute('href', '/feed.atom?country=IRQ&category=ammunition');
});

test('without clipboard access the text is selected for the reader to copy', async ({ page, baseURL }) => {
	await page.goto(`${baseURL}/cases/1`);
	await page.evaluate(() => Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } }));
	await page.getByTestId('share-open').click();
	await page.getByTestId('share-copy-citation').click();
	await expect(page.getByTestId('share-citation-outcome')).toContainText('Ctrl+C');
	const selected = await page.evaluate(() => {
		const field = document.activeElement as HTMLTextAreaElement;
		return field.value.slice(field.selectionStart, field.selectionEnd);
	});
	expect(selected).toMatch(/^Diversion Atlas, .+, http:\/\/[^,]+\/cases\/1\?release=(\d+), data release \1, retrieved /);
});
