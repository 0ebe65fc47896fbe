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
	const show = (label, ms) => console.log(`${label}: p50 ${percentile(ms, 50).toFixed(0)} ms, p95 ${percentile(ms, 95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms over ${ms.length} runs`);
	show('first map idle (cold browser context)', firstIdle);
	show('filtered page to map idle', filterChange);
} finally {
	await browser.close();
	await portal.stop();
}
