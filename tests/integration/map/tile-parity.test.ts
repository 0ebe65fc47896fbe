// The embedded database encodes tiles in JavaScript (vt-pbf), native PostGIS with ST_AsMVT:
// both must decode to the same features.
import { expect, inject, it, describe } from 'vitest';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { closeDatabase } from '../../../src/lib/server/db.ts';
import { call } from '../endpoint.ts';
import { decodeTile, type DecodedFeature } from './tile-decoding.ts';

const TILES: [string, number, number, number, string][] = [
	['sites', 0, 0, 0, ''],
	['sites', 3, 4, 3, 'category=ammunition'],
	['sites', 6, 39, 25, ''],
	['routes', 2, 2, 1, ''],
	['routes', 5, 19, 12, 'from=2016'],
	['countries', 2, 2, 1, '']
];

async function fetchAll(url: string) {
	await closeDatabase();
	process.env.DATABASE_URL = url;
	const out: Record<string, DecodedFeature[]>[] = [];
	for (const [layer, z, x, y, query] of TILES) {
		const response = await call(tile, `/tiles/${layer}/${z}/${x}/${y}.mvt?${query}`, { params: { layer, z: String(z), x: String(x), y: String(y) } });
		expect(response.status).toBe(200);
		out.push(await decodeTile(response));
	}
	await closeDatabase();
	return out;
}

const byId = (features: DecodedFeature[]) => [...features].sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
const points = (f: DecodedFeature) => f.geometry.flat().length;
/** Area in tile units² by the shoelace formula: exterior rings count up, holes count down. */
const area = (f: DecodedFeature) =>
	Math.abs(
		f.geometry.reduce((sum, ring) => {
			let twice = 0;
			for (let i = 0; i < ring.length; i++) {
				const a = ring[i]!;
				const b = ring[(i + 1) % ring.length]!;
				twice += a.x * b.y - b.x * a.y;
			}
			return sum + twice / 2;
		}, 0)
	);

const backends = inject('backends');
describe.runIf(backends.length === 2)('tiles from the embedded and the native database', () => {
	it('decode to the same features, properties and geometry', async () => {
		const embedded = await fetchAll(backends.find((b) => b.name === 'embedded')!.url);
		const native = await fetchAll(backends.find((b) => b.name === 'native')!.url);
		TILES.forEach(([layer], i) => {
			const a = byId(embedded[i][layer]);
			const b = byId(native[i][layer]);
			expect(a.map((f) => [f.id, f.type, f.properties])).toEqual(b.map((f) => [f.id, f.type, f.properties]));
			if (layer === 'countries') {
				// GEOS versions keep different vertices when simplifying to half a pixel; the
				// shapes must still cover the same area (within 1 %, or 2 px² for islets).
				a.forEach((f, k) => {
					expect(Math.abs(area(f) - area(b[k]!)), `${f.properties.iso3} area`).toBeLessThanOrEqual(Math.max(2 * 64, area(f) * 0.01));
					expect(Math.abs(points(f) - points(b[k]!)), `${f.properties.iso3} vertices`).toBeLessThanOrEqual(Math.max(8, points(f) * 0.1));
				});
			} else {
				expect(a.map((f) => f.geometry)).toEqual(b.map((f) => f.geometry));
			}
		});
	});
});
