import { VectorTile } from '@mapbox/vector-tile';
import Protobuf from 'pbf';
import { gunzipSync } from 'node:zlib';

export interface DecodedFeature {
	id: number | undefined;
	type: number;
	properties: Record<string, string | number | boolean>;
	geometry: { x: number; y: number }[][];
}

/** Decodes a tile response body (gzipped or not) into plain features per layer. */
export async function decodeTile(response: Response): Promise<Record<string, DecodedFeature[]>> {
	let bytes = new Uint8Array(await response.arrayBuffer());
	if (response.headers.get('content-encoding') === 'gzip') bytes = new Uint8Array(gunzipSync(bytes));
	const tile = new VectorTile(new Protobuf(bytes));
	const out: Record<string, DecodedFeature[]> = {};
	for (const [name, layer] of Object.entries(tile.layers)) {
		out[name] = [];
		for (let i = 0; i < layer.length; i++) {
			const feature = layer.feature(i);
			out[name].push({
				id: feature.id,
				type: feature.type,
				properties: feature.properties as DecodedFeature['properties'],
				geometry: feature.loadGeometry().map((ring) => ring.map(({ x, y }) => ({ x, y })))
			});
		}
	}
	return out;
}
