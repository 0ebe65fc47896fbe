import { expect, it } from 'vitest';
import { geoArea } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { createRequire } from 'node:module';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { GET as countries } from '../../../src/routes/api/countries.geojson/+server.ts';
import manifest from '../../../tiles/manifest.json' with { type: 'json' };
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { decodeTile, type DecodedFeature } from './tile-decoding.ts';

const EXTENT = manifest.extent;
const buffer = manifest.layers.countries.buffer_px;

const getTile = (z: number, x: number, y: number) =>
	call(tile, `/tiles/countries/${z}/${x}/${y}.mvt`, { params: { layer: 'countries', z: String(z), x: String(x), y: String(y) } });

/** A tile-space x as a longitude (Web Mercator's x is linear in longitude). */
const longitude = (z: number, tileX: number, px: number) => ((tileX + px / EXTENT) / 2 ** z) * 360 - 180;

/** Edges that step more than 180° of longitude, except those on the tile's clip frame (the
 * search box's top or bottom side): Antarctica really spans the world, and below the map's
 * ±85° edge its clipped shape closes along the frame, which draws nothing inside the tile. */
function worldWideEdges(z: number, tileX: number, features: DecodedFeature[]) {
	const edges: string[] = [];
	for (const f of features)
		for (const ring of f.geometry)
			for (let i = 1; i < ring.length; i++) {
				const [a, b] = [ring[i - 1], ring[i]];
				const onFrame = a.y === b.y && (a.y <= -buffer || a.y >= EXTENT + buffer);
				const step = Math.abs(longitude(z, tileX, b.x) - longitude(z, tileX, a.x));
				if (step > 180 && !onFrame) edges.push(`${f.properties.iso3} z${z}/${tileX}: (${a.x},${a.y})→(${b.x},${b.y})`);
			}
	return edges;
}

/** Russia's area on the sphere as drawn by world-atlas, before any cut (km², mean earth radius). */
function worldAtlasArea(m49: string): number {
	const atlas = createRequire(import.meta.url)('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
	const parts = atlas.objects.countries.geometries.filter((g) => String(g.id).padStart(3, '0') === m49);
	const shape = parts.length === 1 ? feature(atlas, parts[0]) : { type: 'Feature' as const, properties: {}, geometry: merge(atlas, parts as never) };
	return geoArea(shape as GeoJSON.Feature) * 6371.0088 ** 2;
}

describeEachBackend('countries across the antimeridian', (db, backend) => {
	useAppDatabase(backend.url);

	it('has no edge spanning the world in any countries tile at z0-z3', async () => {
		const edges: string[] = [];
		let russiaWest = 0;
		for (let z = 0; z <= 3; z++)
			for (let x = 0; x < 2 ** z; x++)
				for (let y = 0; y < 2 ** z; y++) {
					const response = await getTile(z, x, y);
					// 204: a tile of open sea has no countries.
					expect([200, 204]).toContain(response.status);
					const layer = response.status === 204 ? [] : ((await decodeTile(response)).countries ?? []);
					edges.push(...worldWideEdges(z, x, layer));
					// Chukotka, west of 180°, is still drawn as Russia.
					if (z === 0)
						russiaWest = layer.filter((f) => f.properties.iso3 === 'RUS').flatMap((f) => f.geometry.flat()).filter((p) => longitude(0, 0, p.x) < -170).length;
				}
		expect(edges).toEqual([]);
		expect(russiaWest).toBeGreaterThan(0);
	});

	it('keeps every stored shape within [-180, 180] with no edge stepping more than 180°', async () => {
		const [row] = await db()`
			SELECT count(*)::int AS jumps FROM atlas.countries c,
			  LATERAL ST_DumpSegments(c.geom) AS s
			WHERE abs(ST_X(ST_StartPoint(s.geom)) - ST_X(ST_EndPoint(s.geom))) > 180`;
		expect(row.jumps).toBe(0);
		const [extent] = await db()`SELECT min(ST_XMin(geom)) AS west, max(ST_XMax(geom)) AS east FROM atlas.countries`;
		expect(Number(extent.west)).toBeGreaterThanOrEqual(-180);
		expect(Number(extent.east)).toBeLessThanOrEqual(180);
	});

	it('keeps Russia and Fiji whole on both sides of 180°', async () => {
		const [russia] = await db()`
			SELECT ST_Area(geom::geography) / 1e6 AS km2,
			  ST_Covers(geom, ST_SetSRID(ST_MakePoint(-175, 67), 4326)) AS chukotka,
			  ST_Covers(geom, ST_SetSRID(ST_MakePoint(37.6, 55.75), 4326)) AS moscow,
			  ST_Covers(geom, ST_SetSRID(ST_MakePoint(0, 60), 4326)) AS north_sea
			FROM atlas.countries WHERE iso3 = 'RUS'`;
		const reference = worldAtlasArea('643');
		expect(reference).toBeGreaterThan(16e6); // sanity: Russia is about 17 million km²
		expect(Math.abs(Number(russia.km2) - reference) / reference).toBeLessThan(0.03);
		expect(russia).toMatchObject({ chukotka: true, moscow: true, north_sea: false });
		const [fiji] = await db()`
			SELECT ST_Area(geom::geography) / 1e6 AS km2,
			  ST_Covers(geom, ST_SetSRID(ST_MakePoint(178.0, -17.8), 4326)) AS viti_levu,
			  ST_XMax(geom) > 179.9 AND ST_XMin(geom) < -179.9 AS both_sides,
			  EXISTS (SELECT 1 FROM ST_Dump(geom) d WHERE ST_XMax(d.geom) < 0) AS east_islands,
			  ST_Covers(geom, ST_SetSRID(ST_MakePoint(0, -17), 4326)) AS atlantic
			FROM atlas.countries WHERE iso3 = 'FJI'`;
		const fijiReference = worldAtlasArea('242');
		expect(Math.abs(Number(fiji.km2) - fijiReference) / fijiReference).toBeLessThan(0.03);
		expect(fiji).toMatchObject({ viti_levu: true, both_sides: true, east_islands: true, atlantic: false });
	});

	it('places every country label within [-180, 180] and inside its own country', async () => {
		const collection = (await (await call(countries, '/api/countries.geojson')).json()) as GeoJSON.FeatureCollection<GeoJSON.Point>;
		for (const f of collection.features) expect(Math.abs(f.geometry.coordinates[0])).toBeLessThanOrEqual(180);
		const byIso3 = new Map(collection.features.map((f) => [f.id, f.geometry.coordinates]));
		for (const iso3 of ['RUS', 'FJI']) {
			const [lon, lat] = byIso3.get(iso3)!;
			const [row] = await db()`SELECT ST_DWithin(geom::geography, ST_SetSRID(ST_MakePoint(${lon}, ${lat}), 4326)::geography, 100) AS inside FROM atlas.countries WHERE iso3 = ${iso3}`;
			expect(row.inside).toBe(true);
		}
	});
});
