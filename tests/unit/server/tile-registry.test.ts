import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapPaths } from '../../../src/lib/server/openapi/map.ts';
import { parseSqlTemplate } from '../../../src/lib/server/sql-template.ts';
import { parseTileAddress } from '../../../src/lib/server/tiles/tile-address.ts';
import { TILE_LAYERS, tileLayers } from '../../../src/lib/server/tiles/tile-manifest.ts';

const tilesDir = new URL('../../../tiles/', import.meta.url);

describe('tiles/manifest.json is the tile layer registry', () => {
	it.each(TILE_LAYERS)('layer %s has its SQL file, framed by the shared tile bounds, taking only slots the service fills', (layer) => {
		const entry = tileLayers[layer];
		const file = new URL(entry.sql, tilesDir);
		expect(existsSync(file), `tiles/${entry.sql}`).toBe(true);
		const slots = new Set(parseSqlTemplate(readFileSync(file, 'utf8')).names);
		const parameters = Object.keys(entry.parameters ?? {});
		const slotFiles = Object.keys(entry.slots ?? {});
		const filled = new Set(['bounds', 'z', 'x', 'y', 'filter', ...parameters, ...slotFiles]);
		expect([...slots].filter((slot) => !filled.has(slot))).toEqual([]);
		expect(slots.has('bounds')).toBe(true);
		// A filtered layer must read the Filter, itself or through its slot files, and an
		// unfiltered one must not (its tiles are cached once for every filter).
		expect(slots.has('filter') || slotFiles.length > 0).toBe(entry.filtered);
		for (const name of slotFiles) expect(slots, name).toContain(name);
		for (const name of parameters) expect(slots, name).toContain(name);
		expect(Number.isInteger(entry.buffer_px) && entry.buffer_px >= 0).toBe(true);
	});

	// Besides the Filter, an item-rows file may read the box test tile-layers.ts gives it (through
	// the spatial index or row by row), a rollup file the per-site rollup rollup-sql.ts picks, a
	// dimension file the filtered dimension, its values and the per-site dimension rollup.
	const slotFileKinds = TILE_LAYERS.flatMap((layer) =>
		Object.values(tileLayers[layer].slots ?? {}).flatMap((files): [string, string[]][] => [
			[files.items, ['in_box']],
			[files.rollup, ['site_rollup']],
			...(files.dimension ? [[files.dimension, ['dimension', 'values', 'site_dimension_rollup']] as [string, string[]]] : [])
		])
	);
	it.each(slotFileKinds)('slot file %s exists and reads the Filter, and besides it at most %j', (name, others) => {
		const file = new URL(name, tilesDir);
		expect(existsSync(file), `tiles/${name}`).toBe(true);
		const slots = new Set(parseSqlTemplate(readFileSync(file, 'utf8')).names);
		expect(slots.has('filter')).toBe(true);
		expect([...slots].filter((slot) => slot !== 'filter' && !others.includes(slot))).toEqual([]);
	});

	it('the shared tile bounds take the tile and its buffer', () => {
		const slots = parseSqlTemplate(readFileSync(new URL('tile-bounds.sql', tilesDir), 'utf8')).names;
		expect(new Set(slots)).toEqual(new Set(['z', 'x', 'y', 'buffer_px']));
	});

	it.each(TILE_LAYERS)('layer %s has a zoom range inside 0-22 and documented attributes', (layer) => {
		const { minzoom, maxzoom, attributes } = tileLayers[layer];
		expect(Number.isInteger(minzoom) && Number.isInteger(maxzoom)).toBe(true);
		expect(0 <= minzoom && minzoom <= maxzoom && maxzoom <= 22).toBe(true);
		expect(Object.keys(attributes).length).toBeGreaterThan(0);
	});

	it("the OpenAPI document's layer enum is the manifest's layer list", () => {
		const layer = mapPaths['/tiles/{layer}/{z}/{x}/{y}.mvt'].get.parameters.find((p) => p.name === 'layer');
		expect(layer?.schema).toEqual({ enum: Object.keys(tileLayers) });
		for (const name of TILE_LAYERS) expect(mapPaths['/tiles/{layer}/{z}/{x}/{y}.mvt'].get.description).toContain(`${name} (`);
	});
});

describe('a tile outside its layer’s zoom range is refused with 400 naming z', () => {
	const address = (layer: string, z: number) => parseTileAddress({ layer, z: String(z), x: '0', y: '0' });

	it.each(TILE_LAYERS)('layer %s serves its minzoom and maxzoom and refuses one beyond', (layer) => {
		const { minzoom, maxzoom } = tileLayers[layer];
		expect(address(layer, minzoom).ok).toBe(true);
		expect(address(layer, maxzoom).ok).toBe(true);
		expect(address(layer, maxzoom + 1)).toEqual({ ok: false, status: 400, field: 'z', error: `z: from ${minzoom} to ${maxzoom} for layer ${layer}` });
	});
});
