// The one Filter: everything a reader can narrow the evidence by. Parsed from the page URL
// and from API query strings by this one schema, in the browser and on the server.
import { z } from 'zod';

export const ITEM_CATEGORIES = ['weapon', 'ammunition', 'related', 'ied', 'dual_use'] as const;
export const RESPONSE_FILTERS = ['expansive', 'permissive', 'dissuasive', 'none'] as const;
export const MARKING_STATES = ['intact', 'partial', 'obliterated', 'none'] as const;

export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export type ResponseFilter = (typeof RESPONSE_FILTERS)[number];
export type MarkingState = (typeof MARKING_STATES)[number];

/** The filter keys in their canonical order (also the URL parameter names). */
export const FILTER_KEYS = [
	'from', 'to', 'country', 'category', 'type', 'made_in', 'manufacturer', 'group', 'response', 'marking', 'case', 'consignment'
] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

const list = <T extends z.ZodType<unknown, string>>(item: T, max = 50) =>
	z
		.string()
		.transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
		.pipe(z.array(item).max(max));

const iso3 = z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 3166 code').transform((code) => code.toUpperCase());
const id = z
	.string()
	.regex(/^\d{1,10}$/, 'a positive whole number')
	.transform(Number)
	.pipe(z.number().int().positive().max(2_147_483_647));

/** YYYY or YYYY-MM-DD; a year alone means its first day in `from` and its last in `to`. */
const day = (end: 'from' | 'to') =>
	z
		.string()
		.regex(/^\d{4}(-\d{2}-\d{2})?$/, 'YYYY or YYYY-MM-DD')
		.refine((text) => text.length === 4 || !Number.isNaN(Date.parse(text + 'T00:00:00Z')) && new Date(text + 'T00:00:00Z').toISOString().startsWith(text), 'not a calendar date')
		.transform((text) => (text.length === 4 ? (end === 'from' ? `${text}-01-01` : `${text}-12-31`) : text));

export const filterSchema = z
	.object({
		from: day('from').optional(),
		to: day('to').optional(),
		country: list(iso3).optional(),
		category: list(z.enum(ITEM_CATEGORIES)).optional(),
		type: list(z.string().min(1).max(80)).optional(),
		made_in: list(iso3).optional(),
		manufacturer: list(id).optional(),
		group: list(id).optional(),
		response: list(z.enum(RESPONSE_FILTERS)).optional(),
		marking: list(z.enum(MARKING_STATES)).optional(),
		case: id.optional(),
		consignment: id.optional()
	})
	.refine((f) => !f.from || !f.to || f.from <= f.to, { message: 'must not be after to', path: ['from'] });

export type Filter = z.output<typeof filterSchema>;

export type FilterResult = { ok: true; filter: Filter } | { ok: false; error: string; field: string };

/** Reads the filter from query parameters; unknown parameters (viewport, layers) are ignored. */
export function parseFilter(params: URLSearchParams): FilterResult {
	const raw: Record<string, string> = {};
	for (const key of FILTER_KEYS) {
		const values = params.getAll(key).filter((v) => v !== '');
		if (values.length) raw[key] = values.join(',');
	}
	const parsed = filterSchema.safeParse(raw);
	if (parsed.success) return { ok: true, filter: normalise(parsed.data) };
	const issue = parsed.error.issues[0];
	const field = String(issue.path[0] ?? 'filter');
	return { ok: false, field, error: `${field}: ${issue.message}` };
}

/** Sorted, de-duplicated lists and no empty keys, so equal filters compare and cache equal. */
function normalise(filter: Filter): Filter {
	const out: Record<string, unknown> = {};
	for (const key of FILTER_KEYS) {
		const value = filter[key];
		if (value === undefined) continue;
		if (Array.isArray(value)) {
			if (value.length === 0) continue;
			out[key] = [...new Set(value as (string | number)[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		} else out[key] = value;
	}
	return out as Filter;
}

/** The filter as query parameters in canonical order: the cache key and the URL form. */
export function filterToParams(filter: Filter): URLSearchParams {
	const params = new URLSearchParams();
	for (const key of FILTER_KEYS) {
		const value = filter[key];
		if (value === undefined) continue;
		params.set(key, Array.isArray(value) ? value.join(',') : String(value));
	}
	return params;
}

/** The query string of a filter, canonical order, commas left readable: `country=IRQ,SYR`. */
export function canonicalFilter(filter: Filter): string {
	return filterToParams(filter).toString().replaceAll('%2C', ',');
}

export function isEmptyFilter(filter: Filter): boolean {
	return FILTER_KEYS.every((key) => filter[key] === undefined);
}
