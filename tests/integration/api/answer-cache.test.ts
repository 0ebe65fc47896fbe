// The JSON answer cache serves one reader's answer to every reader of the same view, so an
// answer may hold nothing of the request that filled the cache: not its spelling, not extra
// parameters, not text planted in them.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { ENDPOINTS, answer } from './public-endpoints.ts';

const CACHED = ['summary', 'facets', 'stats', 'sites.geojson', 'routes.geojson', 'cases.geojson'];
const MARKER = 'planted-7f3a';

describeEachBackend('the JSON answer cache', (_db, backend) => {
	useAppDatabase(backend.url);

	for (const name of CACHED) {
		const endpoint = ENDPOINTS.find((e) => e.name === name)!;
		it(`${name}: text planted by the first reader is absent from the next reader's answer`, async () => {
			// A view nobody else asks for, so the planting request is the one that fills the cache.
			const view = `country=irq&category=weapon&from=2016&limit=7`;
			const planted = await answer(endpoint, {}, new URLSearchParams(`${view}&x=<script>${MARKER}</script>&note=${MARKER}&country=`));
			expect(planted.status).toBe(200);
			expect(planted.body).not.toContain(MARKER);
			const clean = await answer(endpoint, {}, new URLSearchParams('from=2016-01-01&country=IRQ&category=weapon&limit=7'));
			expect(clean.status).toBe(200);
			expect(clean.body).not.toContain(MARKER);
			expect(clean.body).not.toContain('script');
			// Both spellings of the view are one answer.
			expect(clean.body).toBe(planted.body);
		});
	}

	it('links a GeoJSON page to its neighbours by the canonical filter and page, not by the request text', async () => {
		const sites = ENDPOINTS.find((e) => e.name === 'sites.geojson')!;
		const got = await answer(sites, {}, new URLSearchParams(`limit=5&offset=5&country=syr,irq&bbox=30,20,50,40.0&utm_source=${MARKER}`));
		const { links } = JSON.parse(got.body) as { links: { rel: string; href: string }[] };
		expect(links).toEqual([
			{ rel: 'self', href: '/api/sites.geojson?country=IRQ,SYR&bbox=30,20,50,40&limit=5&offset=5', type: 'application/geo+json' },
			{ rel: 'next', href: '/api/sites.geojson?country=IRQ,SYR&bbox=30,20,50,40&limit=5&offset=10', type: 'application/geo+json' },
			{ rel: 'prev', href: '/api/sites.geojson?country=IRQ,SYR&bbox=30,20,50,40&limit=5&offset=0', type: 'application/geo+json' }
		]);
	});
});
