// JSON and HTML answers go out gzipped to readers that accept it, through the real `handle`
// hook in front of the real endpoints on a real database; tiles keep their own encoding.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { handle } from '../../../src/hooks.server.ts';
import { GET as routes } from '../../../src/routes/api/routes.geojson/+server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';

type Handler = (event: never) => Response | Promise<Response>;

/** Runs a request through `handle`, whose resolve calls the route handler as kit would. */
async function served(handler: Handler, path: string, headers: Record<string, string> = {}, params: Record<string, string> = {}, method = 'GET') {
	const url = new URL(path, 'http://atlas.test');
	const request = new Request(url, { headers, method });
	const event = { url, params, request, locals: {}, cookies: { get: () => undefined }, route: { id: null }, isDataRequest: false, setHeaders: () => {} };
	return handle({ event: event as never, resolve: (() => handler(event as never)) as never });
}

const bytes = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const ROUTES = '/api/routes.geojson?limit=500';

describeEachBackend('compressed answers', (_db, backend) => {
	useAppDatabase(backend.url);

	it('gzips the routes GeoJSON for a reader that accepts gzip, decoding to the same JSON', async () => {
		const plain = await served(routes, ROUTES);
		const zipped = await served(routes, ROUTES, { 'accept-encoding': 'gzip, deflate' });
		expect(plain.status).toBe(200);
		expect(zipped.status).toBe(200);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(zipped.headers.get('content-type')).toBe('application/geo+json');
		expect(zipped.headers.get('vary')).toBe('accept-encoding');
		expect(plain.headers.get('vary')).toBe('accept-encoding');
		const raw = await bytes(plain);
		const body = await bytes(zipped);
		expect(Number(zipped.headers.get('content-length'))).toBe(body.byteLength);
		expect(body.byteLength).toBeLessThan(raw.byteLength / 3);
		const decoded = new TextDecoder().decode(gunzipSync(body));
		expect(JSON.parse(decoded)).toEqual(JSON.parse(new TextDecoder().decode(raw)));
		expect((JSON.parse(decoded) as { features: unknown[] }).features.length).toBeGreaterThan(0);
	});

	it('prefers brotli when the reader accepts it as much as gzip, decoding to the same JSON', async () => {
		const plain = await served(routes, ROUTES);
		const brotli = await served(routes, ROUTES, { 'accept-encoding': 'gzip, deflate, br, zstd' });
		const gzipped = await served(routes, ROUTES, { 'accept-encoding': 'gzip' });
		expect(brotli.headers.get('content-encoding')).toBe('br');
		expect(brotli.headers.get('vary')).toBe('accept-encoding');
		const body = await bytes(brotli);
		expect(body.byteLength).toBeLessThan((await bytes(gzipped)).byteLength);
		expect(JSON.parse(brotliDecompressSync(body).toString())).toEqual(await plain.json());
		const gzipFirst = await served(routes, ROUTES, { 'accept-encoding': 'gzip;q=1, br;q=0.5' });
		expect(gzipFirst.headers.get('content-encoding')).toBe('gzip');
	});

	it('gives the gzipped variant the weak form of the identity ETag, and a cache hit the same bytes', async () => {
		const plain = await served(routes, ROUTES);
		const first = await served(routes, ROUTES, { 'accept-encoding': 'gzip' });
		const second = await served(routes, ROUTES, { 'accept-encoding': 'gzip' });
		const etag = plain.headers.get('etag')!;
		expect(etag).toMatch(/^"[^"]+"$/);
		expect(first.headers.get('etag')).toBe(`W/${etag}`);
		expect(await bytes(second)).toEqual(await bytes(first));
	});

	it('answers identity when Accept-Encoding is absent, refuses gzip with q=0, or names only identity', async () => {
		for (const accept of [undefined, 'gzip;q=0', 'gzip;q=0, br;q=0', '*;q=0', 'identity', 'deflate']) {
			const response = await served(routes, ROUTES, accept === undefined ? {} : { 'accept-encoding': accept });
			expect(response.headers.get('content-encoding'), String(accept)).toBeNull();
			expect(JSON.parse(await response.text()).type, String(accept)).toBe('FeatureCollection');
		}
		const starred = await served(routes, ROUTES, { 'accept-encoding': '*, br;q=0' });
		expect(starred.headers.get('content-encoding')).toBe('gzip');
		const noGzip = await served(routes, ROUTES, { 'accept-encoding': 'gzip;q=0, br' });
		expect(noGzip.headers.get('content-encoding')).toBe('br');
	});

	it('keeps a 304 a 304, with no body, no coding, and Vary, for either form of the ETag', async () => {
		const plain = await served(stats, '/api/stats');
		const zipped = await served(stats, '/api/stats', { 'accept-encoding': 'gzip' });
		for (const etag of [plain.headers.get('etag')!, zipped.headers.get('etag')!]) {
			const again = await served(stats, '/api/stats', { 'accept-encoding': 'gzip', 'if-none-match': etag });
			expect(again.status, etag).toBe(304);
			expect(again.headers.get('content-encoding')).toBeNull();
			expect(again.headers.get('vary')).toBe('accept-encoding');
			expect((await bytes(again)).byteLength).toBe(0);
		}
	});

	it('gzips stats too, and leaves HEAD uncompressed', async () => {
		const zipped = await served(stats, '/api/stats', { 'accept-encoding': 'gzip' });
		const plain = await served(stats, '/api/stats');
		expect(zipped.headers.get('content-encoding')).toBe('gzip');
		expect(JSON.parse(gunzipSync(await bytes(zipped)).toString())).toEqual(await plain.json());
		const head = await served(stats, '/api/stats', { 'accept-encoding': 'gzip' }, {}, 'HEAD');
		expect(head.headers.get('content-encoding')).toBeNull();
	});

	it('does not encode a tile twice: its gzip bytes and headers pass through unchanged', async () => {
		const params = { layer: 'sites', z: '0', x: '0', y: '0' };
		const path = '/tiles/sites/0/0/0.mvt';
		const direct = await tile({ url: new URL(path, 'http://atlas.test'), params, request: new Request(new URL(path, 'http://atlas.test'), { headers: { 'accept-encoding': 'gzip' } }), locals: { viewer: anonymousViewer, locale: 'en' }, route: { id: null }, setHeaders: () => {} } as never);
		const through = await served(tile, path, { 'accept-encoding': 'gzip' }, params);
		expect(through.status).toBe(200);
		expect(through.headers.get('content-encoding')).toBe('gzip');
		expect(through.headers.get('vary')).toBe(direct.headers.get('vary'));
		expect(through.headers.get('etag')).toBe(direct.headers.get('etag'));
		const body = await bytes(through);
		expect(body).toEqual(await bytes(direct));
		// One gunzip gives the protobuf; a second layer of gzip would start with 1f 8b again.
		const once = gunzipSync(body);
		expect([once[0], once[1]]).not.toEqual([0x1f, 0x8b]);
	});

	it('gzips a large HTML page but not a small one, and never an event stream', async () => {
		const page = `<!doctype html><html lang="%lang%"><body>${'<p>Arms diverted</p>'.repeat(200)}</body></html>`;
		const html = (body: string, type = 'text/html') => () => new Response(body, { headers: { 'content-type': type } });
		const big = await served(html(page), '/', { 'accept-encoding': 'gzip' });
		expect(big.headers.get('content-encoding')).toBe('gzip');
		expect(gunzipSync(await bytes(big)).toString()).toBe(page);
		const small = await served(html('<p>short</p>'), '/', { 'accept-encoding': 'gzip' });
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(await small.text()).toBe('<p>short</p>');
		const events = await served(html('data: x\n\n'.repeat(300), 'text/event-stream'), '/', { 'accept-encoding': 'gzip' });
		expect(events.headers.get('content-encoding')).toBeNull();
	});
});
