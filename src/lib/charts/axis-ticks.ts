// The ticks of whichever scale an axis draws: every band (thinned so labels do not collide)
// or a few round values along a linear scale.
import type { ScaleBand, ScaleLinear } from 'd3-scale';

export interface Tick {
	value: string | number;
	/** Pixel position along the axis: the band centre or the value. */
	at: number;
}

export function bandTicks(scale: ScaleBand<string>, length: number, minGap = 34): Tick[] {
	const domain = scale.domain();
	const every = Math.max(1, Math.ceil((minGap * domain.length) / Math.max(length, 1)));
	return domain.filter((_, i) => i % every === 0).map((value) => ({ value, at: (scale(value) ?? 0) + scale.bandwidth() / 2 }));
}

export function valueTicks(scale: ScaleLinear<number, number>, length: number, minGap = 48): Tick[] {
	return scale.ticks(Math.max(2, Math.floor(length / minGap))).map((value) => ({ value, at: scale(value) }));
}
