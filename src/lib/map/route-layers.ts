// Routes as deck.gl layers: one line per leg, coloured from the origin colour to the recovery
// colour along the whole route so the direction reads without arrows; the origin is a ring,
// the recovery site a dot. Suspected routes are thinner and fainter than reconstructed ones.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { DeckLayersModule } from './deck-overlay.svelte.ts';
import { ROUTE_ORIGIN, ROUTE_RECOVERY } from './map-style.ts';
import type { RouteFeature } from '$lib/explorer/explorer-api.ts';

type Rgb = [number, number, number];
type Position = [number, number];

interface RouteLeg {
	route: RouteFeature;
	source: Position;
	target: Position;
	sourceColour: Rgb;
	targetColour: Rgb;
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [0, 1, 2].map((i) => Math.round(a[i]! + (b[i]! - a[i]!) * t)) as Rgb;

export function routeLegs(routes: RouteFeature[]): RouteLeg[] {
	return routes.flatMap((route) => {
		const points = route.geometry.coordinates as Position[];
		const legs = points.length - 1;
		return points.slice(1).map((target, i) => ({
			route,
			source: points[i]!,
			target,
			sourceColour: mix(ROUTE_ORIGIN, ROUTE_RECOVERY, i / legs),
			targetColour: mix(ROUTE_ORIGIN, ROUTE_RECOVERY, (i + 1) / legs)
		}));
	});
}

// Faint while hundreds of routes overlap, so the sites show through the web; strong once
// a filter has narrowed them to a readable few (a consignment, a case, a country pair).
const DENSE = 150;
const alphaFor = (count: number) => (route: RouteFeature) =>
	route.properties.status === 'reconstructed' ? (count > DENSE ? 45 : 200) : count > DENSE ? 20 : 110;

export function routeLayers(
	deck: DeckLayersModule,
	routes: RouteFeature[],
	selectedRoute: number | null,
	onselect: (route: RouteFeature) => void,
	beforeId: string | undefined
): Layer[] {
	const alpha = alphaFor(routes.length);
	const onClick = (info: PickingInfo) => {
		const route = (info.object as RouteLeg | RouteFeature | undefined) ?? null;
		if (route) onselect('route' in route ? route.route : route);
		return true;
	};
	// `beforeId` is read by MapLibreOverlay (interleaved), not declared on every layer's props.
	const under = (beforeId ? { beforeId } : {}) as Record<string, unknown>;
	const isSelected = (route: RouteFeature) => route.properties.id === selectedRoute;
	return [
		// Straight, flat legs: ArcLayer's raised arcs pass above the camera when zoomed in and
		// fill the screen (seen at z7 with SwiftShader). Each leg takes the gradient colour of
		// its middle, so colour still runs origin (blue) → recovery (orange).
		new deck.LineLayer<RouteLeg>({
			id: 'routes-legs',
			data: routeLegs(routes),
			...under,
			pickable: true,
			getSourcePosition: (leg) => leg.source,
			getTargetPosition: (leg) => leg.target,
			getColor: (leg) => [...mix(leg.sourceColour, leg.targetColour, 0.5), isSelected(leg.route) ? 255 : alpha(leg.route)],
			getWidth: (leg) => (isSelected(leg.route) ? 5 : leg.route.properties.status === 'reconstructed' ? (routes.length > DENSE ? 1 : 2) : 1),
			widthUnits: 'pixels',
			updateTriggers: { getWidth: [selectedRoute, routes.length], getColor: [selectedRoute, routes.length] },
			onClick
		}),
		new deck.ScatterplotLayer<RouteFeature>({
			id: 'routes-ends',
			data: routes,
			...under,
			pickable: true,
			stroked: true,
			filled: true,
			radiusUnits: 'pixels',
			lineWidthUnits: 'pixels',
			getPosition: (route) => route.geometry.coordinates.at(-1) as Position,
			getRadius: 3.5,
			getFillColor: (route) => [...ROUTE_RECOVERY, alpha(route)],
			getLineColor: [255, 255, 255, 200],
			getLineWidth: 1,
			onClick
		}),
		new deck.ScatterplotLayer<RouteFeature>({
			id: 'routes-origins',
			data: routes,
			...under,
			stroked: true,
			filled: false,
			radiusUnits: 'pixels',
			lineWidthUnits: 'pixels',
			getPosition: (route) => route.geometry.coordinates[0] as Position,
			getRadius: 5,
			getLineColor: (route) => [...ROUTE_ORIGIN, alpha(route)],
			getLineWidth: 2
		})
	];
}
