// Time playback: stepping the Filter's years with the map and counts following, paused,
// faster, stopped, all from the keyboard, and never a step before the last one was answered.
import { expect, type Page } from '@playwright/test';
import { test } from './fixtures.ts';

const shots = 'tests/e2e/screenshots';
test.describe.configure({ timeout: 150_000 });

/**
 * Watches what playback asks for: the summary requests in flight (a step taken before the
 * counts arrived would overlap the next), each frame's counted items, and the years the
 * sites tiles were asked for (the map following).
 */
function watchRequests(page: Page) {
	const seen = { inFlight: 0, most: 0, asked: [] as string[], items: new Map<string, number>(), tileYears: new Set<string>() };
	const isSummary = (url: string) => new URL(url).pathname === '/api/summary';
	page.on('request', (request) => {
		const url = new URL(request.url());
		if (url.pathname.startsWith('/tiles/sites/')) seen.tileYears.add(url.searchParams.get('from')?.slice(0, 4) ?? '');
		if (!isSummary(request.url())) return;
		seen.inFlight += 1;
		seen.most = Math.max(seen.most, seen.inFlight);
		seen.asked.push(url.searchParams.get('from') ?? '');
	});
	page.on('requestfinished', (request) => isSummary(request.url()) && (seen.inFlight -= 1));
	page.on('requestfailed', (request) => isSummary(request.url()) && (seen.inFlight -= 1));
	page.on('response', async (response) => {
		if (!isSummary(response.url()) || response.status() !== 200) return;
		const from = new URL(response.url()).searchParams.get('from') ?? '';
		seen.items.set(from.slice(0, 4), ((await response.json()) as { items: number }).items);
	});
	return seen;
}

for (const [width, height] of [[1280, 800], [390, 844]] as const) {
	test(`plays 2014 to 2016 year by year with the counts following, by keyboard, at ${width} px`, async ({ page }) => {
		await page.setViewportSize({ width, height });
		// Without the thousands of routes SwiftShader would spend most of each frame drawing lines.
		await page.goto('/?debug&from=2014&to=2016&layers=sites,labels');
		await expect(page.getByTestId('explorer-map')).toHaveAttribute('data-map-idle', 'true', { timeout: 30_000 });
		const seen = watchRequests(page);

		await page.getByTestId('play-open').focus();
		await page.keyboard.press('Enter');
		const playback = page.getByTestId('playback');
		await expect(playback).toHaveAttribute('data-playing', 'true');
		await expect(page).toHaveURL(/from=2014-01-01&to=2014-12-31.*play=2014\.\.2016/);
		await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'true');

		await expect(playback).toHaveAttribute('data-frame', '2016', { timeout: 90_000 });
		await expect(playback).toHaveAttribute('data-playing', 'false', { timeout: 30_000 });
		await expect(page.getByTestId('summary-counts')).toHaveAttribute('aria-busy', 'false');
		expect(seen.asked, 'one count per frame, in order').toEqual(['2014-01-01', '2015-01-01', '2016-01-01']);
		expect(seen.most, 'a step never overtook the counts of the one before').toBe(1);
		expect(new Set(seen.items.values()).size, 'each year counts its own items').toBe(3);
		expect([...seen.tileYears].sort(), 'the map drew every frame').toEqual(expect.arrayContaining(['2014', '2015', '2016']));
		// The counts on screen are the last frame's.
		expect(Number(await page.locator('[data-count="items"]').getAttribute('data-value'))).toBe(seen.items.get('2016'));
		await expect(page.getByTestId('play-frame')).toHaveText('2016');
		await page.screenshot({ path: `${shots}/playback-${width}x${height}.png` });

		// The last frame is kept in the URL: a link opens on it, paused.
		await page.reload();
		await expect(page.getByTestId('playback')).toHaveAttribute('data-frame', '2016');
		await expect(page.getByTestId('play-toggle')).toHaveAttribute('aria-pressed', 'false');
	});
}

test('pauses, changes speed and stops, restoring the time range, by keyboard', async ({ page }) => {
	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/?debug&from=2013-01-01&to=2015-12-31&play=2013..2015&layers=sites,labels');
	const playback = page.getByTestId('playback');
	await expect(playback).toHaveAttribute('data-frame', '');
	const toggle = page.getByTestId('play-toggle');
	await toggle.focus();
	await page.keyboard.press('Space');
	await expect(playback).toHaveAttribute('data-frame', '2013');
	await expect(toggle).toHaveAttribute('aria-pressed', 'true');
	await page.keyboard.press('Space');
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	const frame = await playback.getAttribute('data-frame');
	await page.waitForTimeout(3000);
	await expect(playback, 'paused: no step').toHaveAttribute('data-frame', frame!);

	await page.getByTestId('play-speed').focus();
	await page.keyboard.press('ArrowDown');
	await expect(page).toHaveURL(/speed=2/);

	await page.getByRole('button', { name: 'Stop playback and restore the time range' }).focus();
	await page.keyboard.press('Enter');
	await expect(page).not.toHaveURL(/play=/);
	await expect(page).toHaveURL(/from=2013-01-01&to=2015-12-31/);
	await expect(page).not.toHaveURL(/speed=/);
	await expect(page.getByTestId('play-open')).toBeVisible();
});
