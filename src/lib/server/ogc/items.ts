import type { Filter } from '$lib/filter/filter-schema.ts';
import type { Translator } from '$lib/i18n/index.ts';
import type { Page } from '../http/page-params.ts';
import { featureCollection, oneFeature, type FeatureCollectionPage } from '../map/geojson-collections.ts';
import type { Queryable } from '../sql-file.ts';
import type { OgcCollection } from './ogc-collections.ts';
import { GEOJSON_TYPE, JSON_TYPE, OGC_BASE, ogcLink, type OgcLink } from './ogc-links.ts';

export interface OgcItems extends Omit<FeatureCollectionPage, 'links'> {
	timeStamp: string;
	links: OgcLink[];
}

/**
 * One page of a collection's features (Part 1 §7.15): the portal's GeoJSON page (the same
 * SQL, order and counts as /api/{collection}.geojson) with absolute self/next/prev links,
 * a link to the collection and the time it was read. Pages are ordered by a total order
 * (sites by matching units then id, cases by matching items then id, routes by id), so
 * within one data version `next` links visit every feature exactly once.
 */
export async function itemsPage(tx: Queryable, collection: OgcCollection, filter: Filter, page: Page, origin: string, { t }: Translator): Promise<OgcItems> {
	const path = `${OGC_BASE}/collections/${collection.id}`;
	const features = await featureCollection(tx, collection.id, filter, page, `${origin}${path}/items`);
	return {
		...features,
		timeStamp: new Date().toISOString(),
		links: [...features.links, ogcLink(origin, path, 'collection', JSON_TYPE, t(collection.title))]
	};
}

/** One feature with its links (Part 1 §7.16), or null when the viewer may see no such feature. */
export async function itemDocument(tx: Queryable, collection: OgcCollection, id: number, origin: string, { t }: Translator): Promise<(GeoJSON.Feature & { links: OgcLink[] }) | null> {
	const feature = await oneFeature(tx, collection.id, id);
	if (!feature) return null;
	const path = `${OGC_BASE}/collections/${collection.id}`;
	return {
		...feature,
		links: [ogcLink(origin, `${path}/items/${id}`, 'self', GEOJSON_TYPE), ogcLink(origin, path, 'collection', JSON_TYPE, t(collection.title))]
	};
}
