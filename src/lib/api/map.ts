// The JSON contracts of the explorer's map endpoints: /api/summary, /api/facets,
// /api/routes.geojson and /api/countries.geojson. The one home of these shapes, imported by
// the server modules that answer them and the explorer that reads them.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { RouteStatus } from '$lib/domain/vocabulary.ts';
import type { Locale } from '$lib/i18n/locales.ts';

// --- GET /api/summary?<filter> -------------------------------------------------------------
export interface ExplorerSummary {
	items: number;
	units: number;
	sites: number;
	cases: number;
	routes: number;
}

// --- GET /api/facets?<filter> --------------------------------------------------------------
/** The facets the filter panel lists, in its order; each is also a Filter key. */
export const FACET_NAMES = ['category', 'type', 'country', 'made_in', 'response', 'marking'] as const;
export type FacetName = (typeof FACET_NAMES)[number];
export interface FacetValue {
	value: string;
	label?: string;
	count: number;
}
export type Facets = Record<FacetName, FacetValue[]>;

// --- GET /api/routes.geojson?<filter>&limit --------------------------------------------------
export interface RouteProperties {
	id: number;
	consignment: number | null;
	site: number;
	siteName: string;
	status: RouteStatus;
	case: number | null;
	originIso3: string | null;
}
export type RouteFeature = Feature<LineString, RouteProperties>;
/** One page of routes; `links` carries the `next` page while there is one. */
export type RouteCollection = FeatureCollection<LineString, RouteProperties> & { links?: { rel: string; href: string }[] };

// --- GET /api/countries.geojson --------------------------------------------------------------
/** A country's label point; `conflict` is `countries.conflict_affected` (a boolean). */
export interface CountryLabelProperties {
	iso3: string;
	name: string;
	/** The name in each of the portal's languages (`name` is the English one). */
	names: Record<Locale, string>;
	conflict: boolean;
}
/** A label as the query returns it, before it becomes a GeoJSON point. */
export type CountryLabelRow = Omit<CountryLabelProperties, 'names'> & { lon: number; lat: number };
export type CountryLabelCollection = FeatureCollection<Point, CountryLabelProperties>;
/** A label as the map draws it: the point's coordinates as a deck.gl position. */
export type CountryLabel = CountryLabelProperties & { position: [number, number] };

// --- GET /api/flows?<filter> -----------------------------------------------------------------
/**
 * Items matching the Filter made in one country and recovered in another, summed per ordered
 * pair (made in → recovered in). `source` and `target` are the countries' label points (a
 * dissolved state's is its successor's), null for a country without either. Largest first.
 */
export interface CountryFlow {
	from: string;
	to: string;
	items: number;
	units: number;
	source: [number, number] | null;
	target: [number, number] | null;
}
export interface FlowCollection {
	flows: CountryFlow[];
}
