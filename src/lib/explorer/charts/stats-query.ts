// The /api/stats URLs the charts panel reads: one for the Filter (optionally within the map's
// view), and one without the time range for the timeline, whose brush sets that range.
import { FILTER_KEYS, canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { withQuery } from '../explorer-api.ts';

export type Bounds = [west: number, south: number, east: number, north: number];

/** `pinQuery` (`release=N`, view-state.ts) pins the figures to a cited release. */
export function statsUrl(filter: Filter, bounds: Bounds | null = null, pinQuery = ''): string {
	return withQuery('/api/stats', canonicalFilter(filter), bounds ? `bbox=${bounds.join(',')}` : '', pinQuery);
}

export function withoutTimeRange(filter: Filter): Filter {
	const rest: Filter = {};
	for (const key of FILTER_KEYS) if (key !== 'from' && key !== 'to' && filter[key] !== undefined) Object.assign(rest, { [key]: filter[key] });
	return rest;
}

/** The brushed span as whole years: only a range made of whole years can be drawn on the axis. */
export function yearSpan(filter: Filter): { from: number; to: number } | null {
	if (!filter.from && !filter.to) return null;
	const from = filter.from ? Number(filter.from.slice(0, 4)) : 0;
	const to = filter.to ? Number(filter.to.slice(0, 4)) : 9999;
	return { from, to };
}
