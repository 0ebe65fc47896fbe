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
				// GEOS versions may simplify a vertex differently; shapes must still agree closely.
				a.forEach((f, k) => expect(Math.abs(points(f) - points(b[k]))).toBeLessThanOrEqual(Math.max(4, points(f) * 0.03)));
			} else {
				expect(a.map((f) => f.geometry)).toEqual(b.map((f) => f.geometry));
			}
		});
	});
});
