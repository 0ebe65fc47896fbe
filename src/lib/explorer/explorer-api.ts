// What the explorer reads from the portal's API, typed after the endpoint contracts, and the
// one fetch helper that turns a refusal into words instead of swallowing it.
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import type { ItemCategory } from '$lib/filter/filter-schema.ts';

export class ApiError extends Error {
	constructor(
		message: string,
		readonly status: number,
		readonly field: string | null = null
	) {
		super(message);
	}
}

export async function fetchJson<T>(url: string, signal?: AbortSignal): Promise<T> {
	const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
	if (!response.ok) {
		const body = (await response.json().catch(() => null)) as { error?: string; field?: string; message?: string } | null;
		throw new ApiError(body?.error ?? body?.message ?? `HTTP ${response.status}`, response.status, body?.field ?? null);
	}
	return (await response.json()) as T;
}

/** `?` + query, or nothing: keeps URLs clean and cache keys canonical. */
export const withQuery = (path: string, ...queries: string[]) => {
	const query = queries.filter(Boolean).join('&');
	return query ? `${path}?${query}` : path;
};

export const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

export interface Summary {
	items: number;
	units: number;
	sites: number;
	cases: number;
	routes: number;
}

export interface FacetValue {
	value: string;
	label?: string;
	count: number;
}
export type FacetName = 'category' | 'type' | 'country' | 'made_in' | 'response' | 'marking';
export type Facets = Record<FacetName, FacetValue[]>;


export type RouteStatus = 'reconstructed' | 'suspected';
export type RouteFeature = Feature<
	LineString,
	{ id: number; consignment: number | null; site: number; siteName: string; status: RouteStatus; case: number | null; originIso3: string | null }
>;
type RouteCollection = FeatureCollection<LineString, RouteFeature['properties']> & { links?: { rel: string; href: string }[] };

/** Every route matching the filter, following `next` links page by page. */
export async function fetchAllRoutes(filterQuery: string, signal: AbortSignal): Promise<RouteFeature[]> {
	const routes: RouteFeature[] = [];
	let url: string | null = withQuery('/api/routes.geojson', filterQuery, 'limit=2000');
	for (let page = 0; url && page < 20; page++) {
		const collection: RouteCollection = await fetchJson<RouteCollection>(url, signal);
		routes.push(...(collection.features as RouteFeature[]));
		url = collection.links?.find((link) => link.rel === 'next')?.href ?? null;
	}
	return routes;
}

export interface CountryLabel {
	iso3: string;
	name: string;
	conflict: number;
	position: [number, number];
}

export async function fetchCountryLabels(signal: AbortSignal): Promise<CountryLabel[]> {
	const collection = await fetchJson<FeatureCollection<Point, { iso3: string; name: string; conflict: number }>>('/api/countries.geojson', signal);
	return collection.features.map((feature) => ({
		...feature.properties,
		conflict: Number(feature.properties.conflict),
		position: feature.geometry.coordinates as [number, number]
	}));
}

export interface ClusterCount {
	sites: number;
	position: [number, number];
}

export interface SearchHitSite {
	id: number;
	name: string;
	lon: number;
	lat: number;
}

export type { ItemCategory };
