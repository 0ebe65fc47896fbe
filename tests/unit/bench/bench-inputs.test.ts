// The bench's committed inputs: about 300 sites tiles over every zoom 0-14, weighted toward
// world and regional views, and every filter string one the API accepts (a bad one would
// measure 400 answers instead of tiles).
import { describe, expect, it } from 'vitest';
import { parseFilter } from '../../../src/lib/filter/filter-schema.ts';
import { benchFilters, tileRequests } from '../../bench/lib/inputs.mjs';

const requests = tileRequests();

describe('tile-addresses.json', () => {
	it('holds about 300 distinct tiles, each with no filter, one filter and three filters', () => {
		const tiles = new Set(requests.map((r) => r.path.split('?')[0]));
		expect(tiles.size).toBeGreaterThanOrEqual(280);
		expect(tiles.size).toBeLessThanOrEqual(320);
		expect(requests.length).toBe(3 * tiles.size);
		expect(new Set(requests.map((r) => r.filters))).toEqual(new Set([0, 1, 3]));
	});

	it('covers every zoom 0-14, mostly at z0-z8, with tile numbers inside their zoom', () => {
		const zooms = requests.map((r) => r.z);
		expect(new Set(zooms)).toEqual(new Set(Array.from({ length: 15 }, (_, z) => z)));
		expect(zooms.filter((z) => z <= 8).length / zooms.length).toBeGreaterThan(0.7);
		for (const r of requests) {
			const [, z, x, y] = /^\/tiles\/sites\/(\d+)\/(\d+)\/(\d+)\.mvt/.exec(r.path)!.map(Number);
			expect(x).toBeLessThan(2 ** z);
			expect(y).toBeLessThan(2 ** z);
		}
	});

	it('uses filter strings the Filter schema accepts, with as many keys as their count says', () => {
		for (const r of requests) {
			const query = new URLSearchParams(r.path.split('?')[1] ?? '');
			const parsed = parseFilter(query);
			expect(parsed, r.path).toMatchObject({ ok: true });
			const keys = new Set([...query.keys()].map((k) => (k === 'to' ? 'from' : k)));
			expect(keys.size, r.path).toBe(r.filters);
		}
	});
});

describe('filters.json', () => {
	it('holds 20 distinct filters the Filter schema accepts', () => {
		const { filters, bboxes } = benchFilters();
		expect(new Set(filters).size).toBe(20);
		for (const f of filters) expect(parseFilter(new URLSearchParams(f)), f).toMatchObject({ ok: true });
		for (const b of bboxes) expect(b.split(',').map(Number).every(Number.isFinite)).toBe(true);
	});
});
