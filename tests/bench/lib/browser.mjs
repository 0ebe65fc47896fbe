// The explorer in headless Debian chromium (SwiftShader): time from navigation to the map's
// first idle in a fresh browser context (no HTTP cache), and a filter change (a filtered
// page) until the map is idle again. Shared by run.mjs and explorer.bench.mjs.
import { chromium } from 'playwright-core';
import { progress } from './measure.mjs';

// Readiness is read inside the page every 10 ms. Playwright's own waits poll with a back-off
// up to 500 ms, and their steps showed in the figures (runs of about 850 ms).
export const POLL = { polling: 10, timeout: 60_000 };
export const mapIdle = (page) => page.waitForFunction(() => document.querySelector('[data-testid="explorer-map"]')?.getAttribute('data-map-idle') === 'true', null, POLL);
const CATEGORIES = ['weapon', 'ammunition', 'related', 'ied', 'dual_use'];

export function launchBrowser() {
	return chromium.launch({
		executablePath: '/usr/bin/chromium',
		args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	});
}

/** `runs` fresh contexts after a warm-up one: `/` to first map idle, then `/?category=…` to map idle. */
export async function firstIdleRuns(browser, url, runs) {
	const firstIdle = [];
	const filterChange = [];
	// One context first, not counted: a newly launched browser's first page also pays the
	// browser's own start (GPU process, first shader compiles), as first-load.bench.mjs says.
	const warm = await browser.newContext({ viewport: { width: 1280, height: 800 } });
	try {
		const page = await warm.newPage();
		await page.goto(`${url}/`, { waitUntil: 'domcontentloaded', timeout: POLL.timeout });
		await mapIdle(page);
	} finally {
		await warm.close();
	}
	for (let run = 1; run <= runs; run++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		try {
			const page = await context.newPage();
			const started = performance.now();
			await page.goto(`${url}/`, { waitUntil: 'domcontentloaded', timeout: POLL.timeout });
			await mapIdle(page);
			firstIdle.push(performance.now() - started);

			const changed = performance.now();
			await page.goto(`${url}/?category=${CATEGORIES[run % CATEGORIES.length]}`, { waitUntil: 'domcontentloaded', timeout: POLL.timeout });
			await mapIdle(page);
			filterChange.push(performance.now() - changed);
		} finally {
			await context.close();
		}
		progress('  explorer runs', run, runs);
	}
	return { firstIdle, filterChange };
}
