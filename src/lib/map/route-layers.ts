// Routes as deck.gl layers: each leg on its great circle, coloured from the origin colour to
// the recovery colour along the whole route, with an arrowhead pointing onwards; the origin
// is a ring, the recovery site a dot. Reconstructed legs are solid, suspected ones dashed
// (PathStyleExtension), as the key's line swatches show.
import type { Layer, PickingInfo } from '@deck.gl/core';
import type { DeckLayersModule } from './deck-overlay.svelte.ts';
import { ROUTE_ORIGIN, ROUTE_RECOVERY } from './map-style.ts';
import { pathHeading } from './great-circle.ts';
import { ARROW, SUSPECTED_DASH } from './route-style.ts';
import { routeLegs, routePoints, stackedAlpha, type Position, type RouteLeg, type RoutePoint } from './route-legs.ts';
import type { RouteFeature } from '$lib/api/map.ts';

export type DeckExtensionsModule = typeof import('@deck.gl/extensions');

// Faint while hundreds of routes overlap, so the sites show through the web; strong once
// a filter has narrowed them to a readable few (a consignment, a case, a country pair).
export const DENSE = 150;

interface LegArrow {
	leg: RouteLeg;
	position: Position;
	angle: number;
}

// Layers are rebuilt on every zoom or selection; the same routes keep the same data arrays,
// so deck.gl does not recompute their attributes.
interface RouteGeometry {
	legs: RouteLeg[];
	arrows: LegArrow[];
	origins: RoutePoint[];
	recoveries: RoutePoint[];
}
const geometries = new WeakMap<RouteFeature[], RouteGeometry>();
const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
function geometryOf(routes: RouteFeature[]): RouteGeometry {
	let geometry = geometries.get(routes);
	if (!geometry) {
		const legs = routeLegs(routes);
		const arrows = legs.map((leg) => {
			const { position, angle } = pathHeading(leg.path, 0.55);
			return { leg, position: [wrap(position[0]), position[1]] as Position, angle };
		});
		geometry = { legs, arrows, origins: routePoints(routes, 'origin'), recoveries: routePoints(routes, 'recovery') };
		geometries.set(routes, geometry);
	}
	return geometry;
}
const alphaFor = (count: number) => (route: RouteFeature) =>
	route.properties.status === 'reconstructed' ? (count > DENSE ? 45 : 200) : count > DENSE ? 30 : 150;

export function routeLayers(
	deck: DeckLayersModule,
	extensions: DeckExtensionsModule,
	routes: RouteFeature[],
	selectedRoute: number | null,
	onselect: (route: RouteFeature) => void,
	beforeId: string | undefined
): Layer[] {
	const { legs, arrows, origins, recoveries } = geometryOf(routes);
	const perRoute = alphaFor(routes.length);
	const alpha = (drawn: RouteLeg | RoutePoint) => stackedAlpha(drawn.routes.map(perRoute));
	const onClick = (info: PickingInfo) => {
		const drawn = (info.object as LegArrow | undefined)?.leg ?? (info.object as RouteLeg | RoutePoint | undefined);
		if (drawn) onselect(drawn.routes.find(isSelected) ?? drawn.routes[0]!);
		return true;
	};
	// `beforeId` is read by MapLibreOverlay (interleaved), not declared on every layer's props.
	const under = (beforeId ? { beforeId } : {}) as Record<string, unknown>;
	const isSelected = (route: RouteFeature) => route.properties.id === selectedRoute;
	const holdsSelected = (drawn: RouteLeg) => selectedRoute !== null && drawn.routes.some(isSelected);
	const width = (leg: RouteLeg) => (holdsSelected(leg) ? 5 : leg.reconstructed ? (routes.length > DENSE ? 1 : 2.5) : routes.length > DENSE ? 1 : 2);
	return [
		// Flat paths, not ArcLayer's raised arcs: those pass above the camera when zoomed in
		// and fill the screen (seen at z7 with SwiftShader). A leg several routes share is
		// drawn once (route-legs.ts); wrapLongitude cuts a leg over the antimeridian in two.
		new deck.PathLayer<RouteLeg>({
			id: 'routes-legs',
			data: legs,
			...under,
			pickable: true,
			wrapLongitude: true,
			getPath: (leg) => leg.path,
			getColor: (leg) => [...leg.colour, holdsSelected(leg) ? 255 : alpha(leg)],
			getWidth: width,
			widthUnits: 'pixels',
			getDashArray: (leg: RouteLeg) => (leg.reconstructed ? [0, 0] : SUSPECTED_DASH),
			dashJustified: true,
			extensions: [new extensions.PathStyleExtension({ dash: true })],
			updateTriggers: { getWidth: [selectedRoute, routes.length], getColor: [selectedRoute, routes.length] },
			onClick
		} as ConstructorParameters<typeof deck.PathLayer<RouteLeg>>[0]),
		// Arrowheads only once routes are few enough to follow one by one.
		...(routes.length <= DENSE || selectedRoute !== null
			? [
					new deck.TextLayer<LegArrow>({
						id: 'routes-arrows',
						data: routes.length <= DENSE ? arrows : arrows.filter((arrow) => holdsSelected(arrow.leg)),
						...under,
						pickable: true,
						characterSet: [ARROW],
						getText: () => ARROW,
						getPosition: (arrow) => arrow.position,
						getAngle: (arrow) => arrow.angle,
						getSize: (arrow) => (holdsSelected(arrow.leg) ? 18 : 14),
						sizeUnits: 'pixels',
						// Darker than the line, so the head reads on the line it points along.
						getColor: (arrow) => [...(arrow.leg.colour.map((c) => Math.round(c * 0.7)) as [number, number, number]), 255],
						outlineWidth: 2,
						outlineColor: [255, 255, 255, 220],
						fontSettings: { sdf: true },
						updateTriggers: { getSize: [selectedRoute] },
						onClick
					})
				]
			: []),
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
