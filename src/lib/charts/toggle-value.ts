// Clicking a bar adds its value to the filter list, or takes it out when it is already there;
// an empty list becomes undefined so the URL drops the parameter.
export function toggleValue<T>(list: readonly T[] | undefined, value: T): T[] | undefined {
	const current = list ?? [];
	const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
	return next.length > 0 ? next : undefined;
}
