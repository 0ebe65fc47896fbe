// Colours, sizes and the base style shared by the map layers and the legend, so the legend
// always matches what is drawn.
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { ITEM_CATEGORIES, type ItemCategory } from '$lib/domain/vocabulary.ts';

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies. */
export const CATEGORY_COLOURS: Record<ItemCategory, string> = {
	weapon: '#d55e00',
	ammunition: '#0072b2',
	related: '#009e73',
	ied: '#cc79a7',
	dual_use: '#e69f00'
};

export const categoryColour: ExpressionSpecification = [
	'match',
	['get', 'top'],
	...ITEM_CATEGORIES.flatMap((category) => [category, CATEGORY_COLOURS[category]]),
	'#6b7280'
] as unknown as ExpressionSpecification;

/** Units → circle radius in pixels: area grows with units (sqrt), clamped for readability. */
export const SIZE_STOPS: ReadonlyArray<readonly [units: number, radius: number]> = [
	[1, 4],
	[100, 7],
	[10_000, 16],
	[1_000_000, 30]
];

export function radiusForUnits(units: number): number {
	const root = Math.sqrt(Math.max(units, 1));
	for (let i = 1; i < SIZE_STOPS.length; i++) {
		const [u0, r0] = SIZE_STOPS[i - 1]!;
		const [u1, r1] = SIZE_STOPS[i]!;
		if (root <= Math.sqrt(u1)) return r0 + ((root - Math.sqrt(u0)) / (Math.sqrt(u1) - Math.sqrt(u0))) * (r1 - r0);
	}
	return SIZE_STOPS[SIZE_STOPS.length - 1]![1];
}

export const unitsRadius: ExpressionSpecification = [
	'interpolate',
	['linear'],
	['sqrt', ['max', ['to-number', ['get', 'units'], 1], 1]],
	...SIZE_STOPS.flatMap(([units, radius]) => [Math.sqrt(units), radius])
] as unknown as ExpressionSpecification;

/** Route colours: origin → recovery, so the gradient itself shows the direction. */
export const ROUTE_ORIGIN: [number, number, number] = [0, 114, 178];
export const ROUTE_RECOVERY: [number, number, number] = [213, 94, 0];

/** Land without any matching item: lighter than the first choropleth class. */
export const LAND = { light: '#f2f0eb', dark: '#2a2f36' };

/** A tile layer's name, from the layer registry (a type only: the manifest is not bundled). */
export type TileLayerName = keyof (typeof import('../../../tiles/manifest.json'))['layers'];

/** Absolute tile URL template: MapLibre's workers cannot resolve a relative one. */
export function tileUrl(layer: TileLayerName, filterQuery = ''): string {
	const base = `${location.origin}/tiles/${layer}/{z}/{x}/{y}.mvt`;
	return filterQuery ? `${base}?${filterQuery}` : base;
}

/**
 * The base style: sea and nothing else. No glyphs, sprite or remote source: MapLibre would
 * fetch them from a third-party host (DESIGN.md, privacy); labels are drawn by deck.gl.
 */
export function baseStyle(dark: boolean): StyleSpecification {
	return {
		version: 8,
		sources: {},
		layers: [{ id: 'sea', type: 'background', paint: { 'background-color': dark ? '#15202b' : '#c9dbe6' } }]
	};
}
