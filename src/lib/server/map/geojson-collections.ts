import type { Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import { bboxCondition } from './bbox-sql.ts';
import type { Page } from './page-params.ts';
import sitesSql from './sites-geojson.sql?raw';
import routesSql from './routes-geojson.sql?raw';
import casesSql from './cases-geojson.sql?raw';

export interface FeatureCollectionPage extends GeoJSON.FeatureCollection {
	numberMatched: number;
	numberReturned: number;
	links: { rel: 'self' | 'next' | 'prev'; href: string; type: 'application/geo+json' }[];
}

type Row = Record<string, unknown> & { id: number; matched: number };
type Collection = 'sites' | 'routes' | 'cases';

const queries = {
	sites: { run: sqlTemplate(sitesSql), bboxColumn: 'f.geom_3857' },
	routes: { run: sqlTemplate(routesSql), bboxColumn: 'r.geom_3857' },
	cases: { run: sqlTemplate(casesSql), bboxColumn: 'f.geom_3857' }
} as const;

function toFeature(collection: Collection, row: Row): GeoJSON.Feature {
	const { matched: _matched, geometry, lon, lat, ...properties } = row;
	const shape: GeoJSON.Geometry =
		collection === 'sites'
			? { type: 'Point', coordinates: [lon as number, lat as number] }
			: (JSON.parse(geometry as string) as GeoJSON.Geometry);
	return { type: 'Feature', id: row.id, geometry: shape, properties };
}

function links(url: URL, page: Page, returned: number, matched: number): FeatureCollectionPage['links'] {
	const at = (offset: number) => {
		const next = new URL(url);
		next.searchParams.set('offset', String(offset));
		next.searchParams.set('limit', String(page.limit));
		return next.pathname + next.search;
	};
	const out: FeatureCollectionPage['links'] = [{ rel: 'self', href: url.pathname + url.search, type: 'application/geo+json' }];
	if (page.offset + returned < matched) out.push({ rel: 'next', href: at(page.offset + page.limit), type: 'application/geo+json' });
	if (page.offset > 0) out.push({ rel: 'prev', href: at(Math.max(0, page.offset - page.limit)), type: 'application/geo+json' });
	return out;
}

/** One page of an RFC 7946 FeatureCollection of sites, routes or cases matching the Filter. */
export async function featureCollection(tx: Queryable, collection: Collection, filter: Filter, page: Page, url: URL): Promise<FeatureCollectionPage> {
	const { run, bboxColumn } = queries[collection];
	const rows = (await run(tx, {
		filter: filterCondition(tx, filter),
		bbox: bboxCondition(tx, tx.unsafe(bboxColumn), page.bbox),
		limit: page.limit,
		offset: page.offset
	})) as unknown as Row[];
	// Past the last page the window count is gone; say how many there are all the same.
	const matched = rows[0]?.matched ?? (page.offset > 0 ? await countAll(tx, collection, filter, page) : 0);
	return {
		type: 'FeatureCollection',
		features: rows.map((row) => toFeature(collection, row)),
		numberMatched: matched,
		numberReturned: rows.length,
		links: links(url, page, rows.length, matched)
	};
}

async function countAll(tx: Queryable, collection: Collection, filter: Filter, page: Page): Promise<number> {
	const all = await featureCollection(tx, collection, filter, { ...page, offset: 0, limit: 1 }, new URL('http://local/'));
	return all.numberMatched;
}
