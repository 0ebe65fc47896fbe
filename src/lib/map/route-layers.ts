// Routes as deck.gl layers: one line per leg, coloured from the origin colour to the recovery
// colour along the whole route so the direction reads without arrows; the origin is a ring,
// the recovery site a dot. Suspected routes are thinner and fainter than reconstructed ones.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { DeckLayersModule } from './deck-overlay.svelte.ts';
import { ROUTE_ORIGIN, ROUTE_RECOVERY } from './map-style.ts';
import { routeLegs, routePoints, stackedAlpha, type RouteLeg, type RoutePoint } from './route-legs.ts';
import type { RouteFeature } from '$lib/api/map.ts';

// Faint while hundreds of routes overlap, so the sites show through the web; strong once
// a filter has narrowed them to a readable few (a consignment, a case, a country pair).
const DENSE = 150;

// Layers are rebuilt on every zoom or selection; the same routes keep the same data arrays,
// so deck.gl does not recompute their attributes.
interface RouteGeometry {
	legs: RouteLeg[];
	origins: RoutePoint[];
	recoveries: RoutePoint[];
}
const geometries = new WeakMap<RouteFeature[], RouteGeometry>();
function geometryOf(routes: RouteFeature[]): RouteGeometry {
	let geometry = geometries.get(routes);
	if (!geometry) {
		geometry = { legs: routeLegs(routes), origins: routePoints(routes, 'origin'), recoveries: routePoints(routes, 'recovery') };
		geometries.set(routes, geometry);
	}
	return geometry;
}
const alphaFor = (count: number) => (route: RouteFeature) =>
	route.properties.status === 'reconstructed' ? (count > DENSE ? 45 : 200) : count > DENSE ? 20 : 110;

export function routeLayers(
	deck: DeckLayersModule,
	routes: RouteFeature[],
	selectedRoute: number | null,
	onselect: (route: RouteFeature) => void,
	beforeId: string | undefined
): Layer[] {
	const { legs, origins, recoveries } = geometryOf(routes);
	const perRoute = alphaFor(routes.length);
	const alpha = (drawn: RouteLeg | RoutePoint) => stackedAlpha(drawn.routes.map(perRoute));
	const onClick = (info: PickingInfo) => {
		const drawn = info.object as RouteLeg | RoutePoint | undefined;
		if (drawn) onselect(drawn.routes.find(isSelected) ?? drawn.routes[0]!);
		return true;
	};
	// `beforeId` is read by MapLibreOverlay (interleaved), not declared on every layer's props.
	const under = (beforeId ? { beforeId } : {}) as Record<string, unknown>;
	const isSelected = (route: RouteFeature) => route.properties.id === selectedRoute;
	const holdsSelected = (drawn: RouteLeg) => selectedRoute !== null && drawn.routes.some(isSelected);
	const reconstructed = (drawn: RouteLeg) => drawn.routes.some((route) => route.properties.status === 'reconstructed');
	return [
		// Straight, flat legs: ArcLayer's raised arcs pass above the camera when zoomed in and
		// fill the screen (seen at z7 with SwiftShader). Each leg takes the gradient colour of
		// its middle, so colour still runs origin (blue) → recovery (orange). A leg several
		// routes share is drawn once (route-legs.ts).
		new deck.LineLayer<RouteLeg>({
			id: 'routes-legs',
			data: legs,
			...under,
			pickable: true,
			getSourcePosition: (leg) => leg.source,
			getTargetPosition: (leg) => leg.target,
			getColor: (leg) => [...leg.colour, holdsSelected(leg) ? 255 : alpha(leg)],
			getWidth: (leg) => (holdsSelected(leg) ? 5 : reconstructed(leg) ? (routes.length > DENSE ? 1 : 2) : 1),
			widthUnits: 'pixels',
			updateTriggers: { getWidth: [selectedRoute, routes.length], getColor: [selectedRoute, routes.length] },
			onClick
		}),
		new deck.ScatterplotLayer<RoutePoint>({
			id: 'routes-ends',
			data: recoveries,
			...under,
			pickable: true,
			stroked: true,
			filled: true,
			radiusUnits: 'pixels',
			lineWidthUnits: 'pixels',
			getPosition: (point) => point.position,
			getRadius: 3.5,
			getFillColor: (point) => [...ROUTE_RECOVERY, alpha(point)],
			getLineColor: [255, 255, 255, 200],
			getLineWidth: 1,
			onClick
		}),
		new deck.ScatterplotLayer<RoutePoint>({
			id: 'routes-origins',
			data: origins,
			...under,
			stroked: true,
			filled: false,
			radiusUnits: 'pixels',
			lineWidthUnits: 'pixels',
			getPosition: (point) => point.position,
			getRadius: 5,
			getLineColor: (point) => [...ROUTE_ORIGIN, alpha(point)],
			getLineWidth: 2
		})
	];
}
