// The collections the OGC API serves: the portal's three GeoJSON collections
// (map/geojson-collections.ts reads them), with what a GIS client is told about each.
import type { MessageKey } from '$lib/i18n/index.ts';
import type { Collection } from '../map/geojson-collections.ts';

export type OgcCollectionId = Collection;

export interface OgcCollection {
	id: OgcCollectionId;
	title: MessageKey;
	description: MessageKey;
	/** The geometry every feature has (OGC API – Features Part 5 `itemType` is `feature` for all). */
	geometry: 'Point' | 'LineString';
	/** The vector tile layer drawing the same features, if any (its TileJSON is linked). */
	tileLayer: 'sites' | 'routes' | null;
}

export const OGC_COLLECTIONS: readonly OgcCollection[] = [
	{ id: 'sites', title: 'ogc.collection.sites.title', description: 'ogc.collection.sites.description', geometry: 'Point', tileLayer: 'sites' },
	{ id: 'cases', title: 'ogc.collection.cases.title', description: 'ogc.collection.cases.description', geometry: 'Point', tileLayer: null },
	{ id: 'routes', title: 'ogc.collection.routes.title', description: 'ogc.collection.routes.description', geometry: 'LineString', tileLayer: 'routes' }
];

/** The collection named by a path segment, or undefined for any other text. */
export function ogcCollection(id: string): OgcCollection | undefined {
	return OGC_COLLECTIONS.find((collection) => collection.id === id);
}
