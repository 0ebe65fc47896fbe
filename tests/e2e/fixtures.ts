import { test as base, expect, type Page } from '@playwright/test';

/**
 * A page that records every console error, uncaught exception and failed request, and
 * fails the test at the end if there were any: a CSP violation or a 404 asset shows up
 * here before a reader ever sees it. One exception: MapLibre cancels the tile requests of
 * views the map has already left (a fly-to, a jump), which the browser reports as ERR_ABORTED;
 * the router's own data request (`__data.json`) when a newer navigation supersedes it (a
 * link clicked while hydration finishes: the preload on hover is dropped for the full load);
 * the explorer's JSON, which `Loaded` aborts when the view it was for has changed (playback
 * stopped, a filter changed again); and the map's worker script when the page is left before
 * the map has finished loading. An answer with an error status is still caught below.
 */
export const test = base.extend<{ page: Page }>({
	page: async ({ page }, use) => {
		const problems: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
		});
		page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
		page.on('requestfailed', (request) => {
			const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
			const { pathname } = new URL(request.url());
			const superseded =
				aborted && (pathname.startsWith('/tiles/') || pathname.endsWith('/__data.json') || pathname.startsWith('/api/') || pathname.includes('/maplibre-gl-worker'));
			if (!superseded) problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
		});
		page.on('response', (response) => {
			if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
		});
		await use(page);
		expect(problems, 'the page logged errors or had failed requests').toEqual([]);
	}
});

export { expect };
