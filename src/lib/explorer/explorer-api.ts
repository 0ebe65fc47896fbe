// How the explorer reads the portal's API: the one fetch helper that turns a refusal into
// words instead of swallowing it, and the readers of the paged and GeoJSON endpoints. The
// shapes they return are the contracts in $lib/api.
import type { CountryLabel, CountryLabelCollection, RouteCollection, RouteFeature } from '$lib/api/map.ts';

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

/** Every route matching the filter, following `next` links page by page. */
export async function fetchAllRoutes(filterQuery: string, signal: AbortSignal): Promise<RouteFeature[]> {
	const routes: RouteFeature[] = [];
	let url: string | null = withQuery('/api/routes.geojson', filterQuery, 'limit=2000');
	for (let page = 0; url && page < 20; page++) {
		const collection: RouteCollection = await fetchJson<RouteCollection>(url, signal);
		routes.push(...collection.features);
		url = collection.links?.find((link) => link.rel === 'next')?.href ?? null;
	}
	return routes;
}

export async function fetchCountryLabels(signal: AbortSignal): Promise<CountryLabel[]> {
	const collection = await fetchJson<CountryLabelCollection>('/api/countries.geojson', signal);
	return collection.features.map((feature) => ({
		...feature.properties,
		position: feature.geometry.coordinates as [number, number]
	}));
}
