// A chart's scales, computed once by the chart root and read by every mark through context
// (LayerCake's pattern, with $derived fields instead of stores). Every chart here has one
// band axis (years, decades, categories) and one value axis starting at zero.
import { getContext, setContext } from 'svelte';
import { scaleBand, scaleLinear } from 'd3-scale';

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

export interface ChartSpec {
	/** The band axis, in drawing order. */
	keys: string[];
	/** The value axis runs from 0 to this (rounded up to a nice number). */
	max: number;
	/** Bands down the left, values across: for long category names. */
	horizontal?: boolean;
	margin?: Partial<Margin>;
}

const DEFAULT_MARGIN: Margin = { top: 8, right: 12, bottom: 24, left: 40 };
const key = Symbol('chart-scales');

export class ChartScales {
	/** Measured by the root (bind:clientWidth); the height is the chart's own choice. */
	width = $state(0);
	#spec: () => ChartSpec;
	#height: () => number;

	height = $derived.by(() => this.#height());

	spec = $derived.by(() => this.#spec());
	horizontal = $derived(this.spec.horizontal ?? false);
	margin = $derived({ ...DEFAULT_MARGIN, ...this.spec.margin });
	innerWidth = $derived(Math.max(0, this.width - this.margin.left - this.margin.right));
	innerHeight = $derived(Math.max(0, this.height - this.margin.top - this.margin.bottom));
	band = $derived(
		scaleBand<string>()
			.domain(this.spec.keys)
			.range(this.horizontal ? [0, this.innerHeight] : [0, this.innerWidth])
			.paddingInner(0.2)
			.paddingOuter(0.1)
	);
	value = $derived(
		scaleLinear()
			.domain([0, this.spec.max > 0 ? this.spec.max : 1])
			.nice()
			.range(this.horizontal ? [0, this.innerWidth] : [this.innerHeight, 0])
	);

	constructor(spec: () => ChartSpec, height: () => number) {
		this.#spec = spec;
		this.#height = height;
	}

	/** The pixel box of a bar from 0 to `value` in band `key`, whichever way the chart runs. */
	bar(key: string, value: number, inset = 0): { x: number; y: number; width: number; height: number } {
		const start = (this.band(key) ?? 0) + inset;
		const thickness = Math.max(0, this.band.bandwidth() - 2 * inset);
		const end = this.value(Math.max(0, value));
		return this.horizontal
			? { x: 0, y: start, width: end, height: thickness }
			: { x: start, y: end, width: thickness, height: this.innerHeight - end };
	}

	/** The centre of a band and the position of a value: a line's or a label's anchor. */
	point(key: string, value: number): { x: number; y: number } {
		const along = (this.band(key) ?? 0) + this.band.bandwidth() / 2;
		return this.horizontal ? { x: this.value(value), y: along } : { x: along, y: this.value(value) };
	}
}

export function provideChart(scales: ChartScales): ChartScales {
	return setContext(key, scales);
}

export function useChart(): ChartScales {
	const scales = getContext<ChartScales | undefined>(key);
	if (!scales) throw new Error('chart marks must be children of <Chart>');
	return scales;
}
