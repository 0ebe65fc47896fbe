// Great-circle geometry for lines on the map: a route or flow follows the shortest way round
// the globe, so one from the USA to the Philippines crosses the Pacific, and its longitudes
// run on past ±180° rather than jumping back (MapLibre draws the world's copies side by side).
import { geoInterpolate } from 'd3-geo';

export type Position = [number, number];

/** Degrees of arc between two drawn vertices: smooth at world zoom, cheap for thousands of lines. */
const STEP_DEGREES = 3;

const RADIANS = Math.PI / 180;

/** The central angle between two points, in degrees. */
function arcDegrees(a: Position, b: Position): number {
	const [l1, p1, l2, p2] = [a[0] * RADIANS, a[1] * RADIANS, b[0] * RADIANS, b[1] * RADIANS];
	const h = Math.sin((p2 - p1) / 2) ** 2 + Math.cos(p1) * Math.cos(p2) * Math.sin((l2 - l1) / 2) ** 2;
	return (2 * Math.asin(Math.min(1, Math.sqrt(h)))) / RADIANS;
}

/**
 * The line through `points` with each leg on its great circle, longitudes kept continuous
 * (each within 180° of the one before), so no edge spans the world.
 */
export function greatCirclePath(points: readonly Position[]): Position[] {
	const out: Position[] = [];
	const push = (point: Position) => {
		const last = out.at(-1);
		let lon = point[0];
		if (last) while (lon - last[0] > 180) lon -= 360;
		if (last) while (last[0] - lon > 180) lon += 360;
		out.push([lon, point[1]]);
	};
	for (let i = 0; i < points.length; i++) {
		if (i === 0) {
			push(points[0]!);
			continue;
		}
		const a = points[i - 1]!;
		const b = points[i]!;
		const steps = Math.max(1, Math.ceil(arcDegrees(a, b) / STEP_DEGREES));
		const along = geoInterpolate(a, b);
		for (let s = 1; s <= steps; s++) push(along(s / steps) as Position);
	}
	return out;
}

/**
 * Where along a path to put an arrowhead and which way it points on screen: the position a
 * fraction `at` of the vertices along, and the angle (degrees counter-clockwise from east) of
 * the path there in Web Mercator, which is how the map draws it.
 */
export function pathHeading(path: readonly Position[], at: number): { position: Position; angle: number } {
	const i = Math.min(path.length - 1, Math.max(1, Math.round((path.length - 1) * at)));
	const [a, b] = [path[i - 1]!, path[i]!];
	const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RADIANS) / 2));
	const angle = Math.atan2(mercatorY(b[1]) - mercatorY(a[1]), (b[0] - a[0]) * RADIANS) / RADIANS;
	return { position: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], angle };
}
