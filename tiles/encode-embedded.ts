// Encodes tile rows (geometry already in tile coordinates) as a Mapbox Vector Tile in
// JavaScript, for PostGIS builds without ST_AsMVT (the embedded PGlite one).
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { GeoJSONVTFeature, GeoJSONVTTile } from '@maplibre/geojson-vt';

export interface TileRow {
	id: number;
	geometry: string;
	tags: Record<string, string | number | boolean | null>;
}

type Position = [number, number];

function toFeature(row: TileRow): GeoJSONVTFeature | null {
	const geometry = JSON.parse(row.geometry) as GeoJSON.Geometry;
	// ST_AsMVT leaves NULL properties out; so do we, so both encoders give the same tile.
	const tags = Object.fromEntries(Object.entries(row.tags).filter(([, value]) => value !== null));
	const id = row.id;
	switch (geometry.type) {
		case 'Point':
			return { id, type: 1, tags, geometry: [geometry.coordinates as Position] };
		case 'MultiPoint':
			return { id, type: 1, tags, geometry: geometry.coordinates as Position[] };
		case 'LineString':
			return { id, type: 2, tags, geometry: [geometry.coordinates as Position[]] };
		case 'MultiLineString':
			return { id, type: 2, tags, geometry: geometry.coordinates as Position[][] };
		case 'Polygon':
			return { id, type: 3, tags, geometry: geometry.coordinates as Position[][] };
		case 'MultiPolygon':
			return { id, type: 3, tags, geometry: (geometry.coordinates as Position[][][]).flat() };
		default:
			return null;
	}
}

export function encodeTileRows(layer: string, rows: readonly TileRow[]): Uint8Array {
	if (rows.length === 0) return new Uint8Array();
	const features = rows.map(toFeature).filter((f): f is GeoJSONVTFeature => f !== null);
	return fromGeojsonVt({ [layer]: { features } as unknown as GeoJSONVTTile }, { version: 2, extent: 4096 });
}
