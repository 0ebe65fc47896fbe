import type { Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition, type SqlFragment } from '../filter-sql.ts';
import { countSource, dimensionSlots, siteRollup, type CountSource } from '../rollup-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { TileAddress, TileLayerName } from './tile-address.ts';
import { TILE_LAYERS, tileLayers } from './tile-manifest.ts';

// Every SQL file in tiles/, by file name; the manifest says which one a layer runs.
const sqlFiles = Object.fromEntries(
	Object.entries(import.meta.glob('../../../../tiles/*.sql', { query: '?raw', import: 'default', eager: true }) as Record<string, string>).map(
		([path, text]) => [path.slice(path.lastIndexOf('/') + 1), text]
	)
);

// Parsed once at start: a manifest entry naming a missing file fails the first import,
// not the first reader of that layer.
function tileQuery(layer: TileLayerName, file: string) {
	const text = sqlFiles[file];
	if (text === undefined) throw new Error(`tiles/manifest.json: layer ${layer} names ${file}, not in tiles/`);
	return sqlTemplate(text);
}
const layerQueries = Object.fromEntries(TILE_LAYERS.map((layer) => [layer, tileQuery(layer, tileLayers[layer].sql)])) as Record<
	TileLayerName,
	ReturnType<typeof sqlTemplate>
>;
const slotQueries = Object.fromEntries(
	TILE_LAYERS.map((layer) => [
		layer,
		Object.entries(tileLayers[layer].slots ?? {}).map(([slot, files]) => ({
			slot,
			items: tileQuery(layer, files.items),
			rollup: tileQuery(layer, files.rollup),
			dimension: files.dimension === undefined ? undefined : tileQuery(layer, files.dimension)
		}))
	])
) as Record<
	TileLayerName,
	{ slot: string; items: ReturnType<typeof sqlTemplate>; rollup: ReturnType<typeof sqlTemplate>; dimension?: ReturnType<typeof sqlTemplate> }[]
>;

const tileBounds = sqlTemplate(sqlFiles['tile-bounds.sql']);

// Up to this zoom a tile's box holds a large share of the world (a quarter at z1), where the
// spatial index selects most items and item rows are better found by the Filter's own indexes,
// each tested against the box. Measured at scale 10 (a Filter on two item dimensions, items
// path): z1 37 ms with the index, 10 ms without; z2 37 ms and 10 ms; z3-z5 as quick with it.
const WIDE_MAX_ZOOM = 2;

/**
 * The item path's test of the search box (site-counts.sql's :in_box): through the GiST index,
 * or for a box covering much of the world row by row (`IS TRUE` keeps the same test from
 * being an index condition).
 */
const inBox = (tx: Queryable, wide: boolean): SqlFragment => (wide ? tx`(f.geom_3857 && b.search) IS TRUE` : tx`f.geom_3857 && b.search`);

/** One slot's query for `source` (a slot without a dimension file reads item rows in its place). */
function slotRows(
	tx: Queryable,
	{ items, rollup, dimension }: (typeof slotQueries)[TileLayerName][number],
	filter: Filter,
	source: CountSource,
	wide: boolean
): SqlFragment {
	if (source === 'rollups') return rollup(tx, { filter: filterCondition(tx, filter), site_rollup: siteRollup(tx, filter) });
	if (source === 'dimension rollups' && dimension) {
		return dimension(tx, dimensionSlots(tx, filter));
	}
	return items(tx, { filter: filterCondition(tx, filter), in_box: inBox(tx, wide) });
}

/**
 * The query producing a layer's rows in tile coordinates, as a fragment for an encoder.
 * Every layer gets the same slots (manifest.json's `$comment`); a file uses those it needs.
 * `source` is rollup-sql.ts's choice unless a test picks one.
 */
export function layerRows(tx: Queryable, { layer, z, x, y }: TileAddress, filter: Filter, source: CountSource = countSource(filter)): SqlFragment {
	const entry = tileLayers[layer];
	const slots = Object.fromEntries(slotQueries[layer].map((query) => [query.slot, slotRows(tx, query, filter, source, z <= WIDE_MAX_ZOOM)]));
	return layerQueries[layer](tx, {
		...entry.parameters,
		z,
		x,
		y,
		bounds: tileBounds(tx, { z, x, y, buffer_px: entry.buffer_px }),
		...(entry.filtered ? { filter: filterCondition(tx, filter) } : {}),
		...slots
	});
}

/**
 * The sites layer's per site and category counts (its `counts` slot) as a fragment reading a
 * CTE `bounds` with a `search` box: the sites GeoJSON takes them from the same rollups as
 * the tile, so both answer a Filter from the same source and agree. `wide` when the box is
 * the whole map.
 */
export function siteCategoryCounts(tx: Queryable, filter: Filter, { wide, source = countSource(filter) }: { wide: boolean; source?: CountSource }): SqlFragment {
	const counts = slotQueries.sites.find((query) => query.slot === 'counts');
	if (!counts) throw new Error('tiles/manifest.json: the sites layer has no counts slot');
	return slotRows(tx, counts, filter, source, wide);
}

/** Whether the layer depends on the Filter (the basemap does not, so it caches once). */
export function isFiltered(layer: TileLayerName): boolean {
	return tileLayers[layer].filtered;
}
