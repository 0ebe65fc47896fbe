import manifest from '../../../../tiles/manifest.json';

export type TileLayerName = keyof typeof manifest.layers;
export const TILE_LAYERS = Object.keys(manifest.layers) as TileLayerName[];

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

/** Checks a tile request's path: a known layer, z in 0-22, x and y inside the zoom's grid. */
export function parseTileAddress(params: { layer: string; z: string; x: string; y: string }): TileAddressResult {
	if (!(TILE_LAYERS as string[]).includes(params.layer)) {
		return { ok: false, status: 404, error: `layer: no such tile layer; layers: ${TILE_LAYERS.join(', ')}`, field: 'layer' };
	}
	for (const field of ['z', 'x', 'y'] as const) {
		if (!whole.test(params[field])) return { ok: false, status: 400, error: `${field}: a whole number`, field };
	}
	const [z, x, y] = [Number(params.z), Number(params.x), Number(params.y)];
	if (z > 22) return { ok: false, status: 400, error: 'z: from 0 to 22', field: 'z' };
	const size = 2 ** z;
	if (x >= size) return { ok: false, status: 400, error: `x: below ${size} at zoom ${z}`, field: 'x' };
	if (y >= size) return { ok: false, status: 400, error: `y: below ${size} at zoom ${z}`, field: 'y' };
	return { ok: true, address: { layer: params.layer as TileLayerName, z, x, y } };
}

export const tileManifest = manifest;
