// The heat table's colour scale: shares quantised into a few classes, so each cell takes a
// CSS class (the portal's CSP forbids inline styles) and the legend can name every step.
export const HEAT_STEPS = [0.05, 0.15, 0.3, 0.5] as const;

/** 0 (under 5 %) … 4 (50 % and over), or null for a share that could not be computed. */
export function heatBin(share: number | null): number | null {
	if (share === null || !Number.isFinite(share)) return null;
	let bin = 0;
	for (const step of HEAT_STEPS) if (share >= step) bin++;
	return bin;
}
