import { describe, expect, it } from 'vitest';
import { GET } from '../../../src/routes/tiles/[layer].json/+server.ts';
import { TILE_LAYERS, tileLayers } from '../../../src/lib/server/tiles/tile-manifest.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';

// The route reads no database: it is called here as the server calls it.
async function tileJsonAt(path: string, layer: string): Promise<Response> {
	const url = new URL(path, 'http://atlas.test');
	return GET({ params: { layer }, url, locals: { viewer: anonymousViewer, locale: 'en' } } as never);
}

describe('TileJSON for each tile layer', () => {
	it.each(TILE_LAYERS)('describes %s from the tile manifest: absolute tiles template, zooms, bounds and fields', async (layer) => {
		const response = await tileJsonAt(`/tiles/${layer}.json`, layer);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/json');
		const doc = await response.json();
		const entry = tileLayers[layer];
		expect(doc).toMatchObject({
			tilejson: '3.0.0',
			scheme: 'xyz',
			tiles: [`http://atlas.test/tiles/${layer}/{z}/{x}/{y}.mvt`],
			minzoom: entry.minzoom,
			maxzoom: entry.maxzoom,
			bounds: [-180, -85.0511, 180, 85.0511]
		});
		expect(doc.attribution).toMatch(/Diversion Atlas.*demo/);
		expect(doc.vector_layers).toEqual([{ id: layer, description: entry.description, minzoom: entry.minzoom, maxzoom: entry.maxzoom, fields: entry.attributes }]);
	});

	it('carries the canonical Filter into the tiles of a filtered layer, and none into the basemap', async () => {
		const sites = await (await tileJsonAt('/tiles/sites.json?country=syr,irq&layers=x&category=weapon', 'sites')).json();
		expect(sites.tiles).toEqual(['http://atlas.test/tiles/sites/{z}/{x}/{y}.mvt?country=IRQ,SYR&category=weapon']);
		const countries = await (await tileJsonAt('/tiles/countries.json?country=IRQ', 'countries')).json();
		expect(countries.tiles).toEqual(['http://atlas.test/tiles/countries/{z}/{x}/{y}.mvt']);
	});

	it('answers 404 naming the layer for an unknown one and 400 naming the field for a bad Filter', async () => {
		const unknown = await tileJsonAt('/tiles/parties.json', 'parties');
		expect(unknown.status).toBe(404);
		expect((await unknown.json()).field).toBe('layer');
		const bad = await tileJsonAt('/tiles/sites.json?from=2019-02-30', 'sites');
		expect(bad.status).toBe(400);
		expect((await bad.json()).field).toBe('from');
	});
});
