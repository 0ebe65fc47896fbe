// Flows as deck.gl layers: one great-circle line per (made in → recovered in) pair, as wide as
// the items it carries, with arrowheads pointing towards the country of recovery. Drawn at
// world and regional zoom in place of one line per route (route-layers.ts).
import type { Layer } from '@deck.gl/core';
import type { DeckLayersModule } from './deck-overlay.svelte.ts';
import { greatCirclePath, pathHeading, type Position } from './great-circle.ts';
import { ARROW, FLOW_COLOUR, MAX_FLOWS, flowWidth } from './route-style.ts';
import type { CountryFlow } from '$lib/api/map.ts';

export interface DrawnFlow {
	flow: CountryFlow;
	path: Position[];
	width: number;
}
interface Arrow {
	position: Position;
	angle: number;
	size: number;
}

const wrap = (lon: number) => ((((lon + 180) % 360) + 360) % 360) - 180;
const inside = (point: Position, [west, south, east, north]: [number, number, number, number]) =>
	point[1] >= south && point[1] <= north && (west <= east ? point[0] >= west && point[0] <= east : point[0] >= west || point[0] <= east);

/**
 * The flows to draw: those starting or ending in view (all of them at world zoom), the
 * largest MAX_FLOWS, each on its great circle. `shown` says how many of how many.
 */
export function flowsInView(flows: CountryFlow[], bounds: [number, number, number, number] | null): { drawn: DrawnFlow[]; of: number } {
	const placed = flows.filter((flow) => flow.source && flow.target);
	const near = bounds ? placed.filter((flow) => inside(flow.source!, bounds) || inside(flow.target!, bounds)) : placed;
	const drawn = [...near]
		.sort((a, b) => b.items - a.items)
		.slice(0, MAX_FLOWS)
		.map((flow) => ({ flow, path: greatCirclePath([flow.source!, flow.target!]), width: flowWidth(flow.items) }));
	return { drawn, of: near.length };
}

export function flowLayers(deck: DeckLayersModule, drawn: DrawnFlow[], zoom: number, beforeId: string | undefined): Layer[] {
	const under = (beforeId ? { beforeId } : {}) as Record<string, unknown>;
	// Arrowheads two-thirds along at world zoom, where they clear both ends' site marks;
	// near the recovery end at regional zoom, where the rest of a long flow is off screen.
	const along = zoom < 3 ? 0.66 : 0.9;
	const arrows: Arrow[] = drawn.map(({ path, width }) => {
		const { position, angle } = pathHeading(path, along);
		return { position: [wrap(position[0]), position[1]], angle, size: 8 + width };
	});
	return [
		new deck.PathLayer<DrawnFlow>({
			id: 'flows',
			data: drawn,
			...under,
			wrapLongitude: true,
			getPath: (flow) => flow.path,
			getWidth: (flow) => flow.width,
			widthUnits: 'pixels',
			capRounded: true,
			getColor: [...FLOW_COLOUR, 95]
		}),
		new deck.TextLayer<Arrow>({
			id: 'flow-arrows',
			data: arrows,
			...under,
			characterSet: [ARROW],
			getText: () => ARROW,
			getPosition: (arrow) => arrow.position,
			getAngle: (arrow) => arrow.angle,
			getSize: (arrow) => arrow.size,
			sizeUnits: 'pixels',
			getColor: [...FLOW_COLOUR, 230],
			outlineWidth: 2,
			outlineColor: [255, 255, 255, 200],
			fontSettings: { sdf: true }
		})
	];
}

/** From this zoom up (where the tiles hold single sites) routes are drawn one by one. */
export const ROUTES_FROM_ZOOM = 6;

/**
 * Whether the map draws flows rather than single routes: at world and regional zoom, unless
 * the routes are already few (a consignment, a case, a country pair) or the reader has
 * focused on some (a selected consignment, case or route).
 */
export function drawsFlows(zoom: number, routeCount: number, focused: boolean, dense: number): boolean {
	return !focused && zoom < ROUTES_FROM_ZOOM && routeCount > dense;
}
