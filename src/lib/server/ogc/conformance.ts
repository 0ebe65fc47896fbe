// What the OGC API answers conform to (OGC API – Features – Part 1: Core, 17-069r4 §7.4):
// the Core and GeoJSON classes. Not `oas30`: /api/openapi.json describes the portal's own
// API, not these paths. No HTML encoding (clients read JSON) and no other CRS than CRS84.
export const CONFORMANCE_CLASSES = [
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
	'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson'
] as const;

export function conformanceDocument(): { conformsTo: readonly string[] } {
	return { conformsTo: CONFORMANCE_CLASSES };
}
