// A brush on a band axis of years: which years the dragged span covers. A year counts when
// the span reaches the middle of its band, so a small drag inside one bar picks that year.
export interface BandLayout {
	years: readonly number[];
	/** Left edge of a year's band, in pixels. */
	start: (year: number) => number;
	bandwidth: number;
}

export function yearsInBrush({ years, start, bandwidth }: BandLayout, [x0, x1]: readonly [number, number]): { from: number; to: number } | null {
	if (years.length === 0) return null;
	const centre = (year: number) => start(year) + bandwidth / 2;
	const inside = years.filter((year) => centre(year) >= x0 && centre(year) <= x1);
	if (inside.length > 0) return { from: inside[0]!, to: inside[inside.length - 1]! };
	// A span between two centres: the year whose band holds the span's middle.
	const middle = (x0 + x1) / 2;
	const nearest = years.reduce((best, year) => (Math.abs(centre(year) - middle) < Math.abs(centre(best) - middle) ? year : best));
	return { from: nearest, to: nearest };
}
