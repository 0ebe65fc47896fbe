// Time from navigation to the explorer's first map idle (data-map-idle="true") in headless
// Debian chromium, over fresh browser contexts (no HTTP cache), and the time a filter change
// takes to reach an idle map with new counts.
// Usage: node tests/bench/explorer.bench.mjs   (BENCH_URL=http://... to use a running portal)
import { chromium } from 'playwright-core';
import { percentile, progress, startPortal } from './portal.mjs';

const RUNS = 10;
const portal = await startPortal();
const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
});
try {
	const firstIdle = [];
	const filterChange = [];
	for (let run = 1; run <= RUNS; run++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		const map = page.getByTestId('explorer-map');
		const started = performance.now();
		await page.goto(`${portal.url}/`);
		await map.and(page.locator('[data-map-idle="true"]')).waitFor({ timeout: 60_000 });
		firstIdle.push(performance.now() - started);

		// A filter change: tick one category and wait for the new URL and an idle map.
		const category = ['weapon', 'ammunition', 'related', 'ied', 'dual_use'][run % 5];
		const changed = performance.now();
		await page.goto(`${portal.url}/?category=${category}`, { waitUntil: 'commit' });
		await map.and(page.locator('[data-map-idle="true"]')).waitFor({ timeout: 60_000 });
		filterChange.push(performance.now() - changed);
		await context.close();
		progress('explorer runs', run, RUNS);
	}
	// With the charts open: click a category bar, until the URL, the map and every chart
	// have caught up (the same readiness signals the end-to-end tests use).
	const linked = [];
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	await page.goto(`${portal.url}/`);
	const settled = async () => {
		await page.locator('[data-testid="explorer-map"][data-map-idle="true"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="charts-panel"][aria-busy="false"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="summary-counts"][aria-busy="false"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="map-loading"]').waitFor({ state: 'detached', timeout: 60_000 });
	};
	await page.getByRole('button', { name: 'Charts', exact: true }).click();
	await settled();
	for (let run = 1; run <= RUNS; run++) {
		const value = ['weapon', 'ammunition', 'related', 'ied', 'dual_use'][run % 5];
		const started = performance.now();
		// Keyboard, as the bar's value label sits over its right end.
		await page.locator(`[data-chart="items-by-category"] .bar[data-key="${value}"]`).focus();
		await page.keyboard.press('Enter');
		await page.waitForURL((url) => url.searchParams.get('category') === value, { timeout: 10_000 });
		// The change has reached the charts once they show the new filter's item count.
		await page.locator(`[data-chart="items-by-category"] .bar[data-key="${value}"][aria-pressed="true"]`).waitFor({ timeout: 10_000 });
		await settled();
		linked.push(performance.now() - started);
		await page.goto(`${portal.url}/`);
		await page.getByRole('button', { name: 'Charts', exact: true }).click();
		await settled();
		progress('linked filter changes', run, RUNS);
	}
	await context.close();

	const show = (label, ms) =>
		console.log(`${label}: p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms over ${ms.length} runs (in order: ${ms.map((t) => t.toFixed(0)).join(', ')})`);
	show('first map idle (cold browser context)', firstIdle);
	show('filtered page to map idle', filterChange);
	show('chart bar click to map, counts and charts updated', linked);
} finally {
	await browser.close();
	await portal.stop();
}
