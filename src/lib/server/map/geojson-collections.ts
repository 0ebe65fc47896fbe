import { filterToParams, type Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import { bboxCondition, bboxEnvelope } from '../http/bbox-sql.ts';
import { siteCategoryCounts } from '../tiles/tile-layers.ts';
import type { CountSource } from '../rollup-sql.ts';
import type { Page } from '../http/page-params.ts';
import sitesSql from './sites-geojson.sql?raw';
import routesSql from './routes-geojson.sql?raw';
import casesSql from './cases-geojson.sql?raw';

export interface FeatureCollectionPage extends GeoJSON.FeatureCollection {
	numberMatched: number;
	numberReturned: number;
	links: { rel: 'self' | 'next' | 'prev'; href: string; type: 'application/geo+json' }[];
}

type Row = Record<string, unknown> & { id: number; matched: number };
export type Collection = 'sites' | 'routes' | 'cases';

// Column names from this fixed table are the only SQL text here. `feature` picks one feature
// of the collection (an OGC API `items/{featureId}` read), on an indexed column: a case
// through the GIN index on case_ids before the unnest.
const queries = {
	routes: { run: sqlTemplate(routesSql), bboxColumn: 'r.geom_3857', feature: (tx: Queryable, id: number) => tx`r.id = ${id}::int` },
	cases: { run: sqlTemplate(casesSql), bboxColumn: 'f.geom_3857', feature: (tx: Queryable, id: number) => tx`f.case_ids @> ARRAY[${id}::int] AND c.case_id = ${id}::int` }
} as const;

function toFeature(collection: Collection, row: Row): GeoJSON.Feature {
	const { matched: _matched, geometry, lon, lat, ...properties } = row;
	const shape: GeoJSON.Geometry =
		collection === 'sites'
			? { type: 'Point', coordinates: [lon as number, lat as number] }
			: (JSON.parse(geometry as string) as GeoJSON.Geometry);
	return { type: 'Feature', id: row.id, geometry: shape, properties };
}

/**
 * The address of one page, built from the canonical filter and page only: answers are cached
 * and served to every reader of the same view, so nothing of the request that filled the
 * cache (its spelling, extra parameters, planted text) may appear in them.
 */
function pageHref(path: string, filter: Filter, page: Page, offset: number): string {
	const params = filterToParams(filter);
	if (page.bbox) params.set('bbox', page.bbox.join(','));
	params.set('limit', String(page.limit));
	params.set('offset', String(offset));
	return `${path}?${params.toString().replaceAll('%2C', ',')}`;
}

function links(path: string, filter: Filter, page: Page, returned: number, matched: number): FeatureCollectionPage['links'] {
	const link = (rel: 'self' | 'next' | 'prev', offset: number) => ({ rel, href: pageHref(path, filter, page, offset), type: 'application/geo+json' as const });
	const out = [link('self', page.offset)];
	if (page.offset + returned < matched) out.push(link('next', page.offset + page.limit));
	if (page.offset > 0) out.push(link('prev', Math.max(0, page.offset - page.limit)));
	return out;
}

const sitesQuery = sqlTemplate(sitesSql);

// Where the sites are looked for: the map view, the one site asked for (the box of its
// point; a site hidden from the viewer is no row, so nothing matches), or everywhere (a box
// larger than the Web Mercator plane, so every site lies in it).
function siteBounds(tx: Queryable, page: Page, feature: number | null) {
	if (page.bbox) return tx`SELECT ${bboxEnvelope(tx, page.bbox)} AS search`;
	if (feature !== null) return tx`SELECT s.geom_3857 AS search FROM atlas.sites s WHERE s.id = ${feature}::int`;
	return tx`SELECT ST_MakeEnvelope(-1e9, -1e9, 1e9, 1e9, 3857) AS search`;
}

function rowsOf(tx: Queryable, collection: Collection, filter: Filter, page: Page, feature: number | null, source?: CountSource): Promise<Row[]> {
	if (collection === 'sites') {
		return sitesQuery(tx, {
			bounds: siteBounds(tx, page, feature),
			counts: siteCategoryCounts(tx, filter, { source, wide: !page.bbox && feature === null }),
			feature: feature === null ? tx`TRUE` : tx`c.site_id = ${feature}::int`,
			limit: page.limit,
			offset: page.offset
		}) as unknown as Promise<Row[]>;
	}
	const { run, bboxColumn, feature: oneOf } = queries[collection];
	return run(tx, {
		filter: filterCondition(tx, filter),
		bbox: bboxCondition(tx, tx.unsafe(bboxColumn), page.bbox),
		feature: feature === null ? tx`TRUE` : oneOf(tx, feature),
		limit: page.limit,
		offset: page.offset
	}) as unknown as Promise<Row[]>;
}

/**
 * One site, route or case as the unfiltered collection shows it, or null when the viewer's
 * rows hold none of that id (unknown and hidden alike).
 */
export async function oneFeature(tx: Queryable, collection: Collection, id: number): Promise<GeoJSON.Feature | null> {
	const [row] = await rowsOf(tx, collection, {}, { limit: 1, offset: 0, bbox: null }, id);
	return row ? toFeature(collection, row) : null;
}

/**
 * One page of an RFC 7946 FeatureCollection of sites, routes or cases matching the Filter;
 * `path` is the endpoint's (absolute when its links must be: the OGC API's). Sites' counts come
 * from rollup-sql.ts's choice of source unless a test picks one.
 */
export async function featureCollection(
	tx: Queryable,
	collection: Collection,
	filter: Filter,
	page: Page,
	path: string,
	source?: CountSource
): Promise<FeatureCollectionPage> {
	const rows = await rowsOf(tx, collection, filter, page, null, source);
	// Past the last page the window count is gone; say how many there are all the same.
	const matched = rows[0]?.matched ?? (page.offset > 0 ? await countAll(tx, collection, filter, page) : 0);
	return {
		type: 'FeatureCollection',
		features: rows.map((row) => toFeature(collection, row)),
		numberMatched: matched,
		numberReturned: rows.length,
		links: links(path, filter, page, rows.length, matched)
	};
}

async function countAll(tx: Queryable, collection: Collection, filter: Filter, page: Page): Promise<number> {
	const all = await featureCollection(tx, collection, filter, { ...page, offset: 0, limit: 1 }, '');
	return all.numberMatched;
}
