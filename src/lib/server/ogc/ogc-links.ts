// Links of the OGC API documents (OGC API – Features Part 1, §7.2: rel, type, title, href).
// Absolute, from the request's origin: GIS clients resolve every link against it. Answers
// holding them are cached per origin (filtered-endpoint.ts `variant`).
export const JSON_TYPE = 'application/json';
export const GEOJSON_TYPE = 'application/geo+json';
export const OPENAPI_TYPE = 'application/vnd.oai.openapi+json;version=3.0';

export interface OgcLink {
	href: string;
	rel: string;
	type: string;
	title?: string;
}

export const OGC_BASE = '/ogc';

export function ogcLink(origin: string, path: string, rel: string, type: string, title?: string): OgcLink {
	return { href: `${origin}${path}`, rel, type, ...(title ? { title } : {}) };
}
