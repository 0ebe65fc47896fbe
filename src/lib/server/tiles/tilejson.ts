// TileJSON 3.0.0 (github.com/mapbox/tilejson-spec) for each tile layer, from the manifest the
// tiles are built from (tiles/manifest.json: zooms, attributes), so MapLibre, QGIS and GDAL
// can add a layer from one URL.
import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import type { Translator } from '$lib/i18n/index.ts';
import { TILE_LAYERS, tileLayers, type TileLayerName } from './tile-manifest.ts';

export interface TileJson {
	tilejson: '3.0.0';
	name: string;
	description: string;
	attribution: string;
	scheme: 'xyz';
	tiles: string[];
	minzoom: number;
	maxzoom: number;
	bounds: [number, number, number, number];
	center: [number, number, number];
	vector_layers: { id: string; description: string; minzoom: number; maxzoom: number; fields: Record<string, string> }[];
}

// Web Mercator's square: the tiles cover the world the projection can show.
const MERCATOR_BOUNDS: TileJson['bounds'] = [-180, -85.0511, 180, 85.0511];

/** The layer a TileJSON path names, or null for any other text. */
export function tileJsonLayer(name: string): TileLayerName | null {
	return (TILE_LAYERS as string[]).includes(name) ? (name as TileLayerName) : null;
}

/**
 * A layer's TileJSON: the tiles template absolute from `origin` and, for a layer the Filter
 * applies to, carrying the canonical filter, so the tiles drawn are the view's.
 */
export function tileJson(layer: TileLayerName, origin: string, filter: Filter, { t }: Translator): TileJson {
	const entry = tileLayers[layer];
	const query = entry.filtered ? canonicalFilter(filter) : '';
	return {
		tilejson: '3.0.0',
		name: `${t('site.name')}: ${layer}`,
		description: entry.description,
		attribution: t('ogc.attribution'),
		scheme: 'xyz',
		tiles: [`${origin}/tiles/${layer}/{z}/{x}/{y}.mvt${query ? `?${query}` : ''}`],
		minzoom: entry.minzoom,
		maxzoom: entry.maxzoom,
		bounds: MERCATOR_BOUNDS,
		center: [20, 20, 2],
		vector_layers: [{ id: layer, description: entry.description, minzoom: entry.minzoom, maxzoom: entry.maxzoom, fields: entry.attributes }]
	};
}
