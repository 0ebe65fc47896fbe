import { describe, expect, it } from 'vitest';
import { routeLegs, routePoints, stackedAlpha } from '../../../src/lib/map/route-legs.ts';
import type { RouteFeature } from '../../../src/lib/api/map.ts';

const route = (id: number, coordinates: number[][], status: 'reconstructed' | 'suspected' = 'reconstructed'): RouteFeature => ({
	type: 'Feature',
	geometry: { type: 'LineString', coordinates },
	properties: { id, consignment: id, site: id, siteName: `site ${id}`, status, case: null, originIso3: 'BEL' }
});

describe('route legs', () => {
	// Two consignments from Antwerp through Tripoli, recovered in two different towns.
	const first = route(1, [[4.4, 51.2], [13.2, 32.9], [20.1, 32.1]]);
	const second = route(2, [[4.4, 51.2], [13.2, 32.9], [15.1, 32.4]]);

	it('draws a leg that several routes share once, naming every route on it', () => {
		const legs = routeLegs([first, second]);
		expect(legs).toHaveLength(3);
		const shared = legs.find((leg) => leg.target[0] === 13.2)!;
		expect(shared.routes.map((r) => r.properties.id)).toEqual([1, 2]);
		expect(legs.filter((leg) => leg.routes.length === 1)).toHaveLength(2);
	});

	it('colours legs from the origin blue towards the recovery orange along each route', () => {
		const [firstLeg, lastLeg] = routeLegs([first]);
		expect(firstLeg!.colour[2]).toBeGreaterThan(lastLeg!.colour[2]); // bluer
		expect(lastLeg!.colour[0]).toBeGreaterThan(firstLeg!.colour[0]); // redder
	});

	it('keeps one origin per place and one recovery point per place', () => {
		expect(routePoints([first, second], 'origin')).toHaveLength(1);
		expect(routePoints([first, second], 'recovery').map((p) => p.routes.length)).toEqual([1, 1]);
	});

	it('makes a shared leg as opaque as its copies drawn over each other would be', () => {
		expect(stackedAlpha([45])).toBe(45);
		const two = stackedAlpha([45, 45]);
		expect(two).toBeGreaterThan(45);
		expect(two).toBe(Math.round(255 * (1 - (1 - 45 / 255) ** 2)));
		expect(stackedAlpha(Array(200).fill(45))).toBe(255);
	});
});
