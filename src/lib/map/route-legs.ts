// Routes broken into what the map draws: legs and end points, each drawn once however many
// routes share it. Many consignments leave the same port along the same first leg: drawing
// 4,600 legs where 2,000 are distinct only stacked transparency, and with a software renderer
// (SwiftShader, headless) every stacked copy cost frame time.
import type { RouteFeature } from '$lib/api/map.ts';
import { ROUTE_ORIGIN, ROUTE_RECOVERY } from './map-style.ts';
import { greatCirclePath, type Position } from './great-circle.ts';

export type Rgb = [number, number, number];
export type { Position };

export interface RouteLeg {
	/** Every route that runs along this leg, the first one drawn on top of the others. */
	routes: RouteFeature[];
	source: Position;
	target: Position;
	/** The leg on its great circle, longitudes continuous (see great-circle.ts). */
	path: Position[];
	/** Whether any route along it is reconstructed (else all are suspected). */
	reconstructed: boolean;
	/** The gradient colour at the leg's middle, from the first route's origin-to-recovery run. */
	colour: Rgb;
}

export interface RoutePoint {
	routes: RouteFeature[];
	position: Position;
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as Rgb;
const key = (position: Position) => `${position[0]},${position[1]}`;

export function routeLegs(routes: RouteFeature[]): RouteLeg[] {
	const legs = new Map<string, RouteLeg>();
	for (const route of routes) {
		const points = route.geometry.coordinates as Position[];
		const count = points.length - 1;
		for (let i = 1; i < points.length; i++) {
			const source = points[i - 1]!;
			const target = points[i]!;
			const id = `${key(source)}>${key(target)}`;
			const leg = legs.get(id);
			const reconstructed = route.properties.status === 'reconstructed';
			if (leg) {
				leg.routes.push(route);
				leg.reconstructed ||= reconstructed;
			} else {
				const path = greatCirclePath([source, target]);
				legs.set(id, { routes: [route], source, target, path, reconstructed, colour: mix(ROUTE_ORIGIN, ROUTE_RECOVERY, (i - 0.5) / count) });
			}
		}
	}
	return [...legs.values()];
}

/** The routes' first (origin) or last (recovery) points, one per place. */
export function routePoints(routes: RouteFeature[], end: 'origin' | 'recovery'): RoutePoint[] {
	const points = new Map<string, RoutePoint>();
	for (const route of routes) {
		const position = (end === 'origin' ? route.geometry.coordinates[0] : route.geometry.coordinates.at(-1)) as Position;
		const point = points.get(key(position));
		if (point) point.routes.push(route);
		else points.set(key(position), { routes: [route], position });
	}
	return [...points.values()];
}

/**
 * The opacity of copies drawn over each other, in one draw: 1 − Π(1 − αᵢ). Keeps the look of
 * the stacked routes (a busy corridor reads darker) without drawing each of them.
 */
export function stackedAlpha(alphas: number[]): number {
	const clear = alphas.reduce((left, alpha) => left * (1 - alpha / 255), 1);
	return Math.round(255 * (1 - clear));
}
