// Another site's web map adds the portal's vector tiles from one TileJSON URL: a page on a
// different origin (a bare server started here, serving MapLibre from node_modules) loads
// /tiles/sites.json as a MapLibre source, and the tiles it names draw features. Both the
// TileJSON and the tiles are fetched across origins, so CORS must allow them.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test, expect } from './fixtures.ts';

const MAPLIBRE_DIST = resolve('node_modules/maplibre-gl/dist');

const page = `<!doctype html>
<html><head><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="/maplibre-gl.css">
<style>html,body,#map{margin:0;width:100%;height:100%}</style></head>
<body><div id="map"></div>
<script type="module">
	import { Map, setWorkerUrl } from '/maplibre-gl.mjs';
	setWorkerUrl('/maplibre-gl-worker.mjs');
	const tilejson = new URLSearchParams(location.search).get('tilejson');
	const map = new Map({
		container: 'map',
		center: [40, 25],
		zoom: 3,
		style: {
			version: 8,
			sources: { atlas: { type: 'vector', url: tilejson } },
			layers: [
				{ id: 'background', type: 'background', paint: { 'background-color': '#f4f1ea' } },
				{ id: 'sites', type: 'circle', source: 'atlas', 'source-layer': 'sites', paint: { 'circle-radius': 5, 'circle-color': '#b4004e' } }
			]
		}
	});
	window.__newsroomMap = map;
</script></body></html>`;

// The other site: its own origin (another port), serving only its page and MapLibre.
let newsroom: Server;
let newsroomUrl: string;

test.beforeAll(async () => {
	newsroom = createServer(async (req, res) => {
		const path = new URL(req.url ?? '/', 'http://x').pathname;
		if (path === '/map.html') return res.writeHead(200, { 'content-type': 'text/html' }).end(page);
		const file = /^\/(maplibre-gl[a-z-]*\.(mjs|css))$/.exec(path);
		if (!file) return res.writeHead(404).end();
		const type = file[2] === 'css' ? 'text/css' : 'text/javascript';
		res.writeHead(200, { 'content-type': type }).end(await readFile(resolve(MAPLIBRE_DIST, file[1])));
	});
	await new Promise<void>((listening) => newsroom.listen(0, '127.0.0.1', listening));
	const address = newsroom.address();
	newsroomUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => new Promise<void>((closed) => newsroom.close(() => closed())));

test('a map on another site draws the sites layer from its TileJSON', async ({ page: tab, baseURL }, testInfo) => {
	const portal = new URL(baseURL!);
	// Another origin than the portal's, whatever host the portal listens on.
	expect(new URL(newsroomUrl).origin).not.toBe(portal.origin);
	const tilejson = `${portal.origin}/tiles/sites.json?category=weapon`;
	await tab.setViewportSize({ width: 800, height: 500 });
	await tab.goto(`${newsroomUrl}/map.html?tilejson=${encodeURIComponent(tilejson)}`);
	await tab.waitForFunction(() => {
		const map = (window as never as { __newsroomMap?: { loaded(): boolean; isSourceLoaded(id: string): boolean; getSource(id: string): unknown } }).__newsroomMap;
		return Boolean(map?.getSource('atlas') && map.loaded() && map.isSourceLoaded('atlas'));
	}, undefined, { timeout: 30_000 });
	const drawn = await tab.evaluate(() => {
		type Feature = { properties: Record<string, unknown> };
		const map = (window as never as { __newsroomMap: { queryRenderedFeatures(options: object): Feature[]; getSource(id: string): { tiles?: string[]; maxzoom: number } } }).__newsroomMap;
		const features = map.queryRenderedFeatures({ layers: ['sites'] });
		const source = map.getSource('atlas');
		return { count: features.length, withItems: features.filter((f) => Number(f.properties.items) > 0).length, tiles: source.tiles ?? [], maxzoom: source.maxzoom };
	});
	await tab.screenshot({ path: testInfo.outputPath('newsroom-map.png') });
	expect(drawn.tiles).toEqual([`${portal.origin}/tiles/sites/{z}/{x}/{y}.mvt?category=weapon`]);
	expect(drawn.maxzoom).toBe(14);
	expect(drawn.count).toBeGreaterThan(10);
	expect(drawn.withItems).toBe(drawn.count);
});
