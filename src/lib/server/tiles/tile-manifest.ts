import manifest from '../../../../tiles/manifest.json';

/**
 * The tile layer registry (tiles/manifest.json): each layer's SQL file, zoom range, whether
 * the Filter applies, the extra values its SQL slots take, and the attributes it carries.
 * Adding a layer is an entry there plus its SQL file.
 */
export interface TileLayerEntry {
	description: string;
	sql: string;
	minzoom: number;
	maxzoom: number;
	filtered: boolean;
	/** Tile pixels the search box reaches beyond the tile (tiles/tile-bounds.sql). */
	buffer_px: number;
	parameters?: Record<string, number | string>;
	/**
	 * Slots filled from the rollups when they answer the Filter, from the dimension rollups
	 * when they do (`dimension`, optional), from item rows otherwise.
	 */
	slots?: Record<string, { items: string; rollup: string; dimension?: string }>;
	attributes: Record<string, string>;
}

export type TileLayerName = keyof typeof manifest.layers;

export const TILE_LAYERS = Object.keys(manifest.layers) as TileLayerName[];

export const tileLayers: Record<TileLayerName, TileLayerEntry> = manifest.layers;

export const TILE_EXTENT = manifest.extent;

/** The highest zoom any layer serves (the OpenAPI bound of `z`). */
export const MAX_TILE_ZOOM = Math.max(...TILE_LAYERS.map((name) => tileLayers[name].maxzoom));
