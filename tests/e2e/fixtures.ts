import { test as base, expect, type Page } from '@playwright/test';

/**
 * A page that records every console error, uncaught exception and failed request, and
 * fails the test at the end if there were any: a CSP violation or a 404 asset shows up
 * here before a reader ever sees it. A request the page cancels itself is not a failure:
 * Chromium reports it as ERR_ABORTED, whether MapLibre dropped the tiles of a view it left,
 * the router dropped a superseded `__data.json`, `Loaded` aborted JSON for a changed view,
 * or a reload cut the favicon and the map worker short. A server fault never looks like
 * that: an error status is caught below, and a cut or empty answer fails with another code
 * (ERR_EMPTY_RESPONSE, ERR_CONNECTION_RESET).
 */
export const test = base.extend<{ page: Page }>({
	page: async ({ page }, use) => {
		const problems: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
		});
		page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
		page.on('requestfailed', (request) => {
			const cancelledByPage = request.failure()?.errorText === 'net::ERR_ABORTED';
			if (!cancelledByPage) problems.push(`request failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
		});
		page.on('response', (response) => {
			if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
		});
		await use(page);
		expect(problems, 'the page logged errors or had failed requests').toEqual([]);
	}
});

export { expect };
