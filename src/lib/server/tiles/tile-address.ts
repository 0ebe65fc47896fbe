import { TILE_LAYERS, tileLayers, type TileLayerName } from './tile-manifest.ts';

export { TILE_LAYERS, type TileLayerName };

export interface TileAddress {
	layer: TileLayerName;
	z: number;
	x: number;
	y: number;
}

export type TileAddressResult =
	| { ok: true; address: TileAddress }
	| { ok: false; status: 400 | 404; error: string; field: string };

const whole = /^\d{1,7}$/;

/**
 * Checks a tile request's path: a known layer, z inside the layer's zoom range (manifest),
 * x and y inside the zoom's grid. A zoom the layer does not serve is a 400 naming `z`, not
 * an empty 204: a client asking for it has the wrong source bounds, and an empty tile would
 * hide that (MapLibre over-zooms from the source's maxzoom by itself).
 */
export function parseTileAddress(params: { layer: string; z: string; x: string; y: string }): TileAddressResult {
	if (!(TILE_LAYERS as string[]).includes(params.layer)) {
		return { ok: false, status: 404, error: `layer: no such tile layer; layers: ${TILE_LAYERS.join(', ')}`, field: 'layer' };
	}
	const layer = params.layer as TileLayerName;
	for (const field of ['z', 'x', 'y'] as const) {
		if (!whole.test(params[field])) return { ok: false, status: 400, error: `${field}: a whole number`, field };
	}
	const [z, x, y] = [Number(params.z), Number(params.x), Number(params.y)];
	const { minzoom, maxzoom } = tileLayers[layer];
	if (z < minzoom || z > maxzoom) return { ok: false, status: 400, error: `z: from ${minzoom} to ${maxzoom} for layer ${layer}`, field: 'z' };
	const size = 2 ** z;
	if (x >= size) return { ok: false, status: 400, error: `x: below ${size} at zoom ${z}`, field: 'x' };
	if (y >= size) return { ok: false, status: 400, error: `y: below ${size} at zoom ${z}`, field: 'y' };
	return { ok: true, address: { layer, z, x, y } };
}
