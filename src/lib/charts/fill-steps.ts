// Years or decades with no evidence are missing from the aggregates; an axis must still show
// them as empty, or a gap in documentation would read as continuity.
export function fillSteps<T>(rows: readonly T[], key: (row: T) => number, step: number, empty: (at: number) => T, range?: readonly [number, number]): T[] {
	if (rows.length === 0 && !range) return [];
	const byKey = new Map(rows.map((row) => [key(row), row]));
	const keys = rows.map(key);
	const first = Math.min(...keys, ...(range ? [range[0]] : []));
	const last = Math.max(...keys, ...(range ? [range[1]] : []));
	const filled: T[] = [];
	for (let at = first; at <= last; at += step) filled.push(byKey.get(at) ?? empty(at));
	return filled;
}
