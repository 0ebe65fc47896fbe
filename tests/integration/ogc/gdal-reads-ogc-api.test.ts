// GDAL (Debian gdal-bin, as QGIS uses it) reading the OGC API of a running built portal:
// it must list the three collections and read every feature, following `next` links,
// with the count the portal itself shows.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { get, preparePortal, startPortal, type Portal } from '../resilience/portal-process.ts';

const run = promisify(execFile);

/** ogrinfo's standard output; GDAL's own HTTP timeout bounds each request. */
async function ogrinfo(...args: string[]): Promise<string> {
	const { stdout } = await run('ogrinfo', args, { maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GDAL_HTTP_TIMEOUT: '60' } });
	return stdout;
}

describeEachBackend('GDAL reads the OGC API', (_db, backend) => {
	let portal: Portal;
	let summary: { sites: number; cases: number; routes: number };

	beforeAll(async () => {
		preparePortal();
		portal = await startPortal({ DATABASE_URL: backend.url });
		summary = JSON.parse((await get(portal.url, '/api/summary')).body);
	}, 300_000);

	afterAll(() => portal?.stop());

	it('lists sites, cases and routes with their geometry types and the portal counts', async () => {
		const listing = await ogrinfo('-ro', '-al', '-so', `OAPIF:${portal.url}/ogc`);
		const countOf = (layer: string) => Number(new RegExp(`Layer name: ${layer}\\n[\\s\\S]*?Feature Count: (\\d+)`).exec(listing)?.[1]);
		expect(listing).toMatch(/Layer name: sites\n[\s\S]*?Geometry: Point/);
		expect(listing).toMatch(/Layer name: cases\n[\s\S]*?Geometry: Point/);
		expect(listing).toMatch(/Layer name: routes\n[\s\S]*?Geometry: Line String/);
		expect(countOf('sites')).toBe(summary.sites);
		expect(countOf('cases')).toBe(summary.cases);
		expect(countOf('routes')).toBe(summary.routes);
	}, 120_000);

	it('reads every site, page after page, each once', async () => {
		// 500 a page: several pages, so GDAL must follow `next` to the end.
		const features = await ogrinfo('-ro', '-q', '-oo', 'PAGE_SIZE=500', `OAPIF:${portal.url}/ogc`, 'sites');
		const ids = [...features.matchAll(/^OGRFeature\(sites\):(\d+)$/gm)].map((match) => match[1]);
		expect(summary.sites).toBeGreaterThan(1000);
		expect(ids).toHaveLength(summary.sites);
		const siteIds = [...features.matchAll(/^ {2}id \(Integer\) = (\d+)$/gm)].map((match) => match[1]);
		expect(new Set(siteIds).size).toBe(summary.sites);
	}, 240_000);

	it('reads every route with its line geometry', async () => {
		const features = await ogrinfo('-ro', '-q', '-oo', 'PAGE_SIZE=1000', `OAPIF:${portal.url}/ogc`, 'routes');
		expect([...features.matchAll(/^OGRFeature\(routes\):\d+$/gm)]).toHaveLength(summary.routes);
		expect([...features.matchAll(/^ {2}LINESTRING \(/gm)]).toHaveLength(summary.routes);
	}, 240_000);
});
