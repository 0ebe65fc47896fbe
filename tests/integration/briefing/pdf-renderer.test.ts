// The renderer on its own, against small local pages: what it waits for, when it gives up and
// what it refuses to fetch. A real Chromium, no database.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBriefingPdf, type RenderOutcome } from '../../../src/lib/server/briefing/pdf-renderer.ts';

function serve(answer: (path: string) => string): Promise<{ server: Server; origin: string; paths: string[] }> {
	const paths: string[] = [];
	const server = createServer((request, response) => {
		paths.push(request.url!);
		response.writeHead(200, { 'content-type': 'text/html' });
		response.end(answer(request.url!));
	});
	return new Promise((listening) => server.listen(0, '127.0.0.1', () => listening({ server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, paths })));
}

describe('renderBriefingPdf', () => {
	let portal: Awaited<ReturnType<typeof serve>>;
	let elsewhere: Awaited<ReturnType<typeof serve>>;

	beforeAll(async () => {
		// Another origin (localhost is another host than 127.0.0.1): a third party to the page.
		elsewhere = await serve(() => '');
		const third = elsewhere.origin.replace('127.0.0.1', 'localhost');
		portal = await serve((path) =>
			path.startsWith('/never')
				? '<p data-ready="false">still drawing</p>'
				: `<h1>A briefing</h1><img src="${third}/tracker.png"><script src="${third}/cdn.js"></script><p data-ready="true">ready</p>`
		);
	});
	afterAll(() => {
		portal.server.close();
		elsewhere.server.close();
	});

	it('prints a ready page to a PDF without fetching anything from another origin', async () => {
		const outcome = await renderBriefingPdf({ url: new URL('/ready', portal.origin), cookie: null });
		expect(outcome.kind).toBe('pdf');
		const { bytes } = outcome as Extract<RenderOutcome, { kind: 'pdf' }>;
		expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
		expect(portal.paths).toContain('/ready');
		expect(elsewhere.paths).toEqual([]);
	}, 60_000);

	it('gives up on a page that never says it is ready, and frees its slot', async () => {
		const started = performance.now();
		const outcome = await renderBriefingPdf({ url: new URL('/never', portal.origin), cookie: null, timeoutMs: 2_000 });
		expect(outcome.kind).toBe('timeout');
		expect(performance.now() - started).toBeLessThan(15_000);
		expect((await renderBriefingPdf({ url: new URL('/ready', portal.origin), cookie: null })).kind).toBe('pdf');
	}, 60_000);

	it('says there is no browser when the path holds none, before anything is launched', async () => {
		expect(await renderBriefingPdf({ url: new URL('/ready', portal.origin), cookie: null, chromiumPath: '/nonexistent/chromium' })).toEqual({
			kind: 'no-browser',
			path: '/nonexistent/chromium'
		});
	});
});
