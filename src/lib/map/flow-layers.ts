// Flows: one great-circle line per (made in → recovered in) pair, as wide as the items it
// carries, with arrowheads pointing towards the country of recovery. Drawn at world and
// regional zoom in place of one line per route (route-layers.ts), by MapLibre (FlowLines.svelte).
import { greatCirclePath, pathHeading, type Position } from './great-circle.ts';
import { FLOW_COLOUR, MAX_FLOWS, flowWidth } from './route-style.ts';
import type { CountryFlow } from '$lib/api/map.ts';

export interface DrawnFlow {
	flow: CountryFlow;
	path: Position[];
	width: number;
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

/** A flow's line: its width class (route-style.ts) selects the layer that draws it. */
export interface FlowLineProperties {
	width: number;
}
/** An arrowhead: how large, and how far to turn it clockwise from pointing east. */
export interface FlowArrowProperties {
	size: number;
	rotate: number;
}

/**
 * The flows as MapLibre features: each path as a line (longitudes past ±180° are wrapped by
 * the GeoJSON source), and one arrowhead per flow pointing towards the country of recovery.
 */
export function flowFeatures(drawn: DrawnFlow[], zoom: number): GeoJSON.FeatureCollection<GeoJSON.LineString | GeoJSON.Point, FlowLineProperties | FlowArrowProperties> {
	// Arrowheads two-thirds along at world zoom, where they clear both ends' site marks;
	// near the recovery end at regional zoom, where the rest of a long flow is off screen.
	const along = zoom < 3 ? 0.66 : 0.9;
	const lines = drawn.map(({ path, width }) => ({
		type: 'Feature' as const,
		geometry: { type: 'LineString' as const, coordinates: path },
		properties: { width }
	}));
	const arrows = drawn.map(({ path, width }) => {
		const { position, angle } = pathHeading(path, along);
		return {
			type: 'Feature' as const,
			geometry: { type: 'Point' as const, coordinates: [wrap(position[0]), position[1]] },
			// MapLibre turns icons clockwise; the heading is counter-clockwise from east.
			properties: { size: (8 + width) / ARROW_PIXELS, rotate: -angle }
		};
	});
	return { type: 'FeatureCollection', features: [...lines, ...arrows] };
}

/** The arrowhead image is drawn this many pixels long (icon-size scales it). */
export const ARROW_PIXELS = 16;

/** The arrowhead as pixels: a triangle pointing east, in the flow colour with a light halo. */
export function drawArrow(pixelRatio: number): ImageData {
	const size = Math.ceil(ARROW_PIXELS * pixelRatio);
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = size;
	// Read back at once: a CPU canvas answers getImageData without a GPU round trip.
	const g = canvas.getContext('2d', { willReadFrequently: true })!;
	g.scale(pixelRatio, pixelRatio);
	const p = ARROW_PIXELS;
	g.beginPath();
	g.moveTo(p * 0.9, p / 2);
	g.lineTo(p * 0.15, p * 0.15);
	g.lineTo(p * 0.15, p * 0.85);
	g.closePath();
	g.lineJoin = 'round';
	g.lineWidth = 2;
	g.strokeStyle = 'rgba(255,255,255,0.8)';
	g.stroke();
	g.fillStyle = `rgba(${FLOW_COLOUR.join(',')},0.9)`;
	g.fill();
	return g.getImageData(0, 0, size, size);
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
