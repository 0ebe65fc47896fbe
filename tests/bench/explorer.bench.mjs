// In headless Debian chromium (SwiftShader): time from navigation to the explorer's first map
// idle, over fresh browser contexts (no HTTP cache); a filtered page to map idle; and, with
// the charts open, choosing a chart bar until URL, map, counts and every chart have caught up
// (category bars, then type bars that nothing has asked the server for yet).
// Usage: node tests/bench/explorer.bench.mjs   (BENCH_URL=http://... to use a running portal)
import { firstIdleRuns, launchBrowser, POLL } from './lib/browser.mjs';
import { percentile, progress, startPortal } from './portal.mjs';

const RUNS = 10;
/** URL, chosen bar, map, counts and every chart caught up with `key=value`. */
const caughtUp = (page, chart, key, value) =>
	page.waitForFunction(
		({ chart, key, value }) => {
			const at = (selector) => document.querySelector(selector);
			return (
				new URL(location.href).searchParams.get(key) === value &&
				at(`[data-chart="${chart}"] .bar[data-key="${CSS.escape(value)}"]`)?.getAttribute('aria-pressed') === 'true' &&
				window.__mapWentBusy === true &&
				at('[data-testid="explorer-map"]')?.getAttribute('data-map-idle') === 'true' &&
				at('[data-testid="charts-panel"]')?.getAttribute('aria-busy') === 'false' &&
				at('[data-testid="summary-counts"]')?.getAttribute('aria-busy') === 'false' &&
				!at('[data-testid="map-loading"]')
			);
		},
		{ chart, key, value },
		POLL
	);
const portal = await startPortal();
const browser = await launchBrowser();
try {
	const { firstIdle, filterChange } = await firstIdleRuns(browser, portal.url, RUNS);
	// With the charts open: choose a bar, until the URL, the map and every chart have caught
	// up (the same readiness signals the end-to-end tests use). Categories were loaded as
	// pages above, so only their stats are new to the server; types are new throughout.
	const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	const page = await context.newPage();
	const settled = async () => {
		await page.locator('[data-testid="explorer-map"][data-map-idle="true"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="charts-panel"][aria-busy="false"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="summary-counts"][aria-busy="false"]').waitFor({ timeout: 60_000 });
		await page.locator('[data-testid="map-loading"]').waitFor({ state: 'detached', timeout: 60_000 });
	};
	// ?debug hands the page the map, to see when the pointed bar's sites have been drawn.
	const openCharts = async () => {
		await page.goto(`${portal.url}/?debug`);
		await page.getByRole('button', { name: 'Charts', exact: true }).click();
		await settled();
	};
	async function chooseBars(chart, key, values) {
		const times = [];
		for (const [i, value] of values.entries()) {
			await openCharts();
			const bar = page.locator(`[data-chart="${chart}"] .bar[data-key="${value}"]`);
			// Keyboard, as the bar's value label sits over its right end. Focus, like hover,
			// first draws the bar's sites on the map: its own interaction, settled before the
			// filter change is timed.
			await bar.focus();
			await page.waitForFunction(() => window.__atlasMap?.getSource('sites-highlight') && window.__atlasMap.areTilesLoaded(), null, POLL);
			await settled();
			// The map must be seen busy after the change, so its idle flag is the new one.
			await page.evaluate(() => {
				const map = document.querySelector('[data-testid="explorer-map"]');
				window.__mapWentBusy = false;
				new MutationObserver(() => map.getAttribute('data-map-idle') === 'false' && (window.__mapWentBusy = true)).observe(map, { attributes: true, attributeFilter: ['data-map-idle'] });
			});
			const started = performance.now();
			await page.keyboard.press('Enter');
			await caughtUp(page, chart, key, value);
			times.push(performance.now() - started);
			progress(`${chart} bars chosen`, i + 1, values.length);
		}
		return times;
	}
	const categoryRuns = Array.from({ length: RUNS }, (_, run) => ['weapon', 'ammunition', 'related', 'ied', 'dual_use'][run % 5]);
	const linked = await chooseBars('items-by-category', 'category', categoryRuns);
	await openCharts();
	const types = await page.locator('[data-chart="items-by-type"] .bar').evaluateAll((bars) => bars.map((bar) => bar.getAttribute('data-key')));
	const linkedTypes = await chooseBars('items-by-type', 'type', types.slice(0, RUNS));
	await context.close();

	const show = (label, ms) =>
		console.log(`${label}: p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms over ${ms.length} runs (in order: ${ms.map((t) => t.toFixed(0)).join(', ')})`);
	show('first map idle (cold browser context)', firstIdle);
	show('filtered page to map idle', filterChange);
	show('category bar chosen to map, counts and charts updated', linked);
	show('type bar chosen (nothing cached) to map, counts and charts updated', linkedTypes);
} finally {
	await browser.close();
	await portal.stop();
}
