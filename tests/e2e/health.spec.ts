import { test, expect } from '@playwright/test';

test('GET /api/health reports the database and public counts', async ({ request }) => {
	const response = await request.get('/api/health');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toContain('application/json');
	expect(response.headers()['cache-control']).toBe('no-store');

	const body = await response.json();
	expect(body).toEqual({
		status: 'ok',
		database: expect.stringMatching(/^(embedded|external)$/),
		postgis: expect.stringMatching(/^\d+\.\d+/),
		counts: {
			items: expect.any(Number),
			units: expect.any(Number),
			sites: expect.any(Number),
			cases: expect.any(Number),
			routes: expect.any(Number),
			traceRequests: expect.any(Number),
			traceResponses: expect.any(Number),
			parties: expect.any(Number)
		},
		synthetic: expect.any(Boolean),
		dataVersion: expect.any(Number)
	});
	for (const [kind, count] of Object.entries(body.counts as Record<string, number>)) {
		expect(Number.isInteger(count) && count >= 0, `${kind} is a non-negative integer`).toBe(true);
	}
	expect(body.counts.units).toBeGreaterThanOrEqual(body.counts.items);
});

test('an unknown page is a 404 with a safe message', async ({ request }) => {
	const response = await request.get('/no-such-page');
	expect(response.status()).toBe(404);
	const html = await response.text();
	expect(html).toContain('This page does not exist.');
	expect(html).not.toMatch(/at .*\.(js|ts):\d+/);
});
