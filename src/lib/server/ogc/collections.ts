import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import type { Translator } from '$lib/i18n/index.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import extentsSql from './collection-extents.sql?raw';
import { CRS84 } from './items-query.ts';
import { OGC_COLLECTIONS, type OgcCollection } from './ogc-collections.ts';
import { GEOJSON_TYPE, JSON_TYPE, OGC_BASE, ogcLink, type OgcLink } from './ogc-links.ts';

type Box = [number, number, number, number];

export interface CollectionExtents {
	siteBox: Box | null;
	routeBox: Box | null;
	firstDay: string | null;
	lastDay: string | null;
}

export interface CollectionDocument {
	id: string;
	title: string;
	description: string;
	itemType: 'feature';
	crs: string[];
	storageCrs: string;
	extent: {
		spatial: { bbox: Box[]; crs: string };
		temporal: { interval: [string | null, string | null][]; trs: string };
	};
	links: OgcLink[];
}

const WORLD: Box = [-180, -90, 180, 90];
const GREGORIAN = 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian';
const readExtents = sqlTemplate(extentsSql);

/** Where and when each collection's features lie for the Filter (collection-extents.sql). */
export async function collectionExtents(tx: Queryable, filter: Filter): Promise<CollectionExtents> {
	const condition = filterCondition(tx, filter);
	const [row] = (await readExtents(tx, { filter: condition })) as unknown as {
		site_box: Box | null;
		route_box: Box | null;
		first_day: string | null;
		last_day: string | null;
	}[];
	return { siteBox: row.site_box, routeBox: row.route_box, firstDay: row.first_day, lastDay: row.last_day };
}

/**
 * One collection's metadata (Part 1 §7.14): extent, CRS84, links to its items and, where a
 * tile layer draws it, its TileJSON. `filter` is carried into those links, so a client
 * opened on a filtered view reads that view.
 */
export function collectionDocument(collection: OgcCollection, extents: CollectionExtents, origin: string, filter: Filter, { t }: Translator): CollectionDocument {
	const query = canonicalFilter(filter);
	const withQuery = (path: string) => (query ? `${path}?${query}` : path);
	const path = `${OGC_BASE}/collections/${collection.id}`;
	const box = (collection.id === 'routes' ? extents.routeBox : extents.siteBox) ?? WORLD;
	const day = (text: string | null, end: 'start' | 'end') => (text ? `${text}T${end === 'start' ? '00:00:00' : '23:59:59'}Z` : null);
	const links = [
		ogcLink(origin, withQuery(path), 'self', JSON_TYPE, t(collection.title)),
		ogcLink(origin, withQuery(`${path}/items`), 'items', GEOJSON_TYPE, t('ogc.link.items'))
	];
	if (collection.tileLayer) links.push(ogcLink(origin, withQuery(`/tiles/${collection.tileLayer}.json`), 'alternate', JSON_TYPE, t('ogc.link.tilejson')));
	return {
		id: collection.id,
		title: t(collection.title),
		description: t(collection.description),
		itemType: 'feature',
		crs: [CRS84],
		storageCrs: CRS84,
		extent: {
			spatial: { bbox: [box], crs: CRS84 },
			temporal: { interval: [[day(extents.firstDay, 'start'), day(extents.lastDay, 'end')]], trs: GREGORIAN }
		},
		links
	};
}

/** The collections list (Part 1 §7.13), each described as on its own page. */
export function collectionsDocument(extents: CollectionExtents, origin: string, filter: Filter, translator: Translator): { links: OgcLink[]; collections: CollectionDocument[] } {
	const query = canonicalFilter(filter);
	return {
		links: [ogcLink(origin, `${OGC_BASE}/collections${query ? `?${query}` : ''}`, 'self', JSON_TYPE, translator.t('ogc.link.collections'))],
		collections: OGC_COLLECTIONS.map((collection) => collectionDocument(collection, extents, origin, filter, translator))
	};
}
