// Items recovered per country as a classed choropleth: five quantile classes over the
// countries that hold any matching item, each class read back from the countries in it, so
// the legend shows exactly the ranges the map paints.
import { scaleQuantile } from 'd3-scale';
import type { ExpressionSpecification } from 'maplibre-gl';

/** Matching items per country (ISO 3166 alpha-3), as /api/facets counts them. */
export type CountryCounts = ReadonlyMap<string, number>;

export interface ChoroplethClass {
	/** Fewest and most items of the countries in the class. */
	min: number;
	max: number;
	colour: string;
}

export interface Choropleth {
	classes: ChoroplethClass[];
	colourOf: ReadonlyMap<string, string>;
}

/**
 * Warm greys to taupe, light to dark: the Okabe–Ito site colours (blue, orange, green, pink,
 * yellow) stay readable on every class, and no class reads as a site category.
 */
export const CHOROPLETH_PALETTE = {
	light: ['#ebe3d5', '#dfd0b6', '#d0bb97', '#bea17a', '#a8885f'],
	dark: ['#39362f', '#4b4438', '#605442', '#78664d', '#93805f']
} as const;

export function choropleth(counts: CountryCounts, palette: readonly string[]): Choropleth {
	const held = [...counts].filter(([, count]) => count > 0);
	if (held.length === 0) return { classes: [], colourOf: new Map() };
	const scale = scaleQuantile<string>()
		.domain(held.map(([, count]) => count))
		.range(palette);
	const colourOf = new Map(held.map(([iso3, count]) => [iso3, scale(count)]));
	const classes = palette
		.map((colour) => {
			const inClass = held.filter(([iso3]) => colourOf.get(iso3) === colour).map(([, count]) => count);
			return inClass.length ? { min: Math.min(...inClass), max: Math.max(...inClass), colour } : null;
		})
		.filter((value): value is ChoroplethClass => value !== null);
	return { classes, colourOf };
}

/** The fill colour of a `countries` tile feature: its class colour, or plain land. */
export function choroplethFill(map: Choropleth, land: string): ExpressionSpecification | string {
	if (map.colourOf.size === 0) return land;
	return ['match', ['get', 'iso3'], ...[...map.colourOf].flat(), land] as unknown as ExpressionSpecification;
}
