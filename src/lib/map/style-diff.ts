// What to set to turn one set of paint or layout properties into another: each property whose
// value changed, and each one no longer given as undefined (MapLibre then uses its default).
export function styleDiff(before: Record<string, unknown>, after: Record<string, unknown>): [string, unknown][] {
	const changed: [string, unknown][] = [];
	for (const [name, value] of Object.entries(after)) {
		if (JSON.stringify(before[name]) !== JSON.stringify(value)) changed.push([name, value]);
	}
	for (const name of Object.keys(before)) if (!(name in after)) changed.push([name, undefined]);
	return changed;
}
