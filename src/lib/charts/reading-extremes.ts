// The "one-line reading" of a chart names its highest and lowest rows. Rows with too few
// cases are left out: a 100 % rate from two requests says nothing.
export interface Extremes<T> {
	highest: T;
	lowest: T;
}

export function readingExtremes<T>(rows: readonly T[], measure: (row: T) => number | null, weight: (row: T) => number = () => Infinity, minWeight = 0): Extremes<T> | null {
	const candidates = rows.filter((row) => measure(row) !== null && weight(row) >= minWeight);
	if (candidates.length === 0) return null;
	let highest = candidates[0] as T;
	let lowest = candidates[0] as T;
	for (const row of candidates) {
		// Ties keep the first row (the data's order: most items first), so readings are stable.
		if (measure(row)! > measure(highest)!) highest = row;
		if (measure(row)! < measure(lowest)!) lowest = row;
	}
	return { highest, lowest };
}
