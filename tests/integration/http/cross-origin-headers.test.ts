// Which answers other sites may read (security-headers.ts `headersFor`): the public,
// read-only API, tiles (from SvelteKit and from the cached-tile fast path alike), TileJSON
// and OGC API send `Access-Control-Allow-Origin: *` and a cross-origin resource policy;
// pages keep same-origin. Through a running built portal, since the hook and the portal's
// own server set these.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { preparePortal, startPortal, type Portal } from '../resilience/portal-process.ts';

const OTHER_SITE = { origin: 'https://newsroom.example' };

describeEachBackend('cross-origin headers', (_db, backend) => {
	let portal: Portal;
	const fetchAt = (path: string, init: RequestInit = {}) =>
		fetch(new URL(path, portal.url), { ...init, headers: { ...OTHER_SITE, ...init.headers }, signal: AbortSignal.timeout(60_000) });

	beforeAll(async () => {
		preparePortal();
		portal = await startPortal({ DATABASE_URL: backend.url });
	}, 300_000);

	afterAll(() => portal?.stop());

	const expectOpen = (response: Response) => {
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
		expect(response.headers.get('access-control-allow-credentials')).toBeNull();
		// The same answer for every Origin: a shared cache may keep one copy.
		expect(response.headers.get('vary') ?? '').not.toMatch(/origin/i);
	};

	it.each(['/api/summary?country=IRQ', '/api/sites.geojson?limit=5', '/api/no-such-endpoint', '/ogc', '/ogc/collections/sites/items?limit=2', '/tiles/sites.json', '/tiles/routes/3/4/3.mvt'])(
		'lets any site read %s, without credentials',
		async (path) => {
			const response = await fetchAt(path);
			await response.arrayBuffer();
			expectOpen(response);
		}
	);

	it('sends them with a tile the fast path answers from memory, as with one SvelteKit rendered', async () => {
		const path = '/tiles/sites/4/9/6.mvt?category=weapon';
		const first = await fetchAt(path, { headers: { 'accept-encoding': 'gzip' } });
		await first.arrayBuffer();
		const second = await fetchAt(path, { headers: { 'accept-encoding': 'gzip' } });
		await second.arrayBuffer();
		expect(second.headers.get('x-tile-cache')).toBe('hit');
		expectOpen(first);
		expectOpen(second);
		expect(second.headers.get('vary')).toBe('accept-encoding');
		const revalidated = await fetchAt(path, { headers: { 'if-none-match': second.headers.get('etag')! } });
		expect(revalidated.status).toBe(304);
		expectOpen(revalidated);
	});

	it.each(['/', '/about'])('keeps page %s same-origin', async (path) => {
		const response = await fetchAt(path);
		await response.text();
		expect(response.status).toBe(200);
		expect(response.headers.get('access-control-allow-origin')).toBeNull();
		expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
	});

	it('answers a preflight at an open endpoint with the read methods and headers allowed', async () => {
		const response = await fetchAt('/ogc/collections/sites/items', {
			method: 'OPTIONS',
			headers: { 'access-control-request-method': 'GET', 'access-control-request-headers': 'if-none-match' }
		});
		expect(response.status).toBe(204);
		expectOpen(response);
		expect(response.headers.get('access-control-allow-methods')!.split(/,\s*/)).toEqual(expect.arrayContaining(['GET', 'HEAD']));
		expect(response.headers.get('access-control-allow-methods')).not.toMatch(/POST|PUT|DELETE/);
		expect(response.headers.get('access-control-allow-headers')).toMatch(/\bif-none-match\b/);
	});

	it('allows no other site a preflight at a page', async () => {
		const response = await fetchAt('/', { method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } });
		await response.arrayBuffer();
		expect(response.headers.get('access-control-allow-origin')).toBeNull();
		expect(response.headers.get('access-control-allow-methods')).toBeNull();
	});
});
