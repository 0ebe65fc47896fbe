// The one Filter: everything a reader can narrow the evidence by. Parsed from the page URL
// and from API query strings by this one schema, in the browser and on the server.
//
// Every value the schema lets through is one PostgreSQL and JavaScript can take: no control
// characters in text (PostgreSQL refuses NUL in text), ids within `integer`, no year 0000
// (PostgreSQL has none), only real calendar days, and only the country codes the database
// holds. Each refusal carries a machine `code` and its `params`, so the browser can say what
// is wrong in the reader's language (view-state.ts maps codes to catalogue messages).
import { z } from 'zod';
import { ISO3_CODES, isKnownIso3 } from './iso3-codes.ts';

import { ITEM_CATEGORIES, MARKING_STATES, RESPONSE_FILTERS } from '../domain/vocabulary.ts';
export { ISO3_CODES };


/** The largest id a PostgreSQL `integer` column holds. */
export const MAX_ID = 2_147_483_647;
/** At most this many values in one list parameter. */
export const MAX_LIST = 50;
/** At most this many characters in one item type. */
export const MAX_TEXT = 80;

/** Why a filter value was refused; `params` (below) fill in the message. */
export const FILTER_ISSUE_CODES = [
	'date_format', // not YYYY or YYYY-MM-DD: { value }
	'year_zero', // year 0000: { value }
	'no_such_month', // month 00 or above 12: { value, month }
	'no_such_day', // a day the month does not have: { value, day, month, year, days }
	'from_after_to', // { from, to }
	'country_format', // not three letters: { value }
	'unknown_country', // three letters the database holds no country for: { value }
	'not_allowed', // not one of the listed values: { value, allowed }
	'not_id', // not a whole number from 1 to MAX_ID: { value, max }
	'control_character', // a NUL, line break or other control character: { value }
	'too_long', // { value, max }
	'too_many' // more than MAX_LIST values: { count, max }
] as const;
export type FilterIssueCode = (typeof FILTER_ISSUE_CODES)[number];
export type FilterIssueParams = Record<string, string | number>;

export interface FilterIssue {
	field: FilterKey;
	code: FilterIssueCode;
	params: FilterIssueParams;
	/** The refusal in English for API clients, e.g. `country: unknown country code "XXX"`. */
	error: string;
}

type Context = z.core.$RefinementCtx<string> | z.core.$RefinementCtx<string[]>;

function refuse(ctx: Context, code: FilterIssueCode, message: string, params: FilterIssueParams = {}): typeof z.NEVER {
	ctx.addIssue({ code: 'custom', message, params: { ...params, code } });
	return z.NEVER;
}

// What a value looks like inside a message: control characters shown as \u escapes, long
// values cut, so an error never carries a NUL or a page of text back to the reader.
function shown(value: string): string {
	const visible = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return visible.length > 40 ? `${visible.slice(0, 40)}…` : visible;
}

const CONTROL = /[\u0000-\u001f\u007f]/;

/** A comma-separated list: values trimmed, empty ones dropped, each read by `item`. */
function list<T>(item: (text: string, ctx: Context) => T) {
	return z.string().transform((text, ctx) => {
		const parts = text.split(',').map((part) => part.trim()).filter(Boolean);
		if (parts.length > MAX_LIST) return refuse(ctx, 'too_many', `at most ${MAX_LIST} values, not ${parts.length}`, { count: parts.length, max: MAX_LIST });
		const out: T[] = [];
		for (const part of parts) {
			const value = item(part, ctx);
			if (value === z.NEVER) return z.NEVER;
			out.push(value);
		}
		return out;
	});
}

function readIso3(text: string, ctx: Context): string {
	if (!/^[A-Za-z]{3}$/.test(text)) return refuse(ctx, 'country_format', `"${shown(text)}" is not a three-letter ISO 3166 code`, { value: shown(text) });
	const code = text.toUpperCase();
	if (!isKnownIso3(code)) return refuse(ctx, 'unknown_country', `unknown country code "${code}"`, { value: code });
	return code;
}

function readId(text: string, ctx: Context): number {
	const id = /^\d{1,10}$/.test(text) ? Number(text) : NaN;
	if (!(id >= 1 && id <= MAX_ID)) return refuse(ctx, 'not_id', `"${shown(text)}" is not a whole number from 1 to ${MAX_ID}`, { value: shown(text), max: MAX_ID });
	return id;
}

function oneOf<const T extends readonly string[]>(allowed: T) {
	return (text: string, ctx: Context): T[number] => {
		if (!allowed.includes(text)) return refuse(ctx, 'not_allowed', `"${shown(text)}" is not one of ${allowed.join(', ')}`, { value: shown(text), allowed: allowed.join(', ') });
		return text as T[number];
	};
}

function readText(text: string, ctx: Context): string {
	if (CONTROL.test(text)) return refuse(ctx, 'control_character', `"${shown(text)}" contains a control character`, { value: shown(text) });
	if (text.length > MAX_TEXT) return refuse(ctx, 'too_long', `at most ${MAX_TEXT} characters`, { value: shown(text), max: MAX_TEXT });
	return text;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Days in a month of the proleptic Gregorian calendar, which PostgreSQL and JavaScript both use. */
export function daysInMonth(year: number, month: number): number {
	const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
	return month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** YYYY or YYYY-MM-DD; a year alone means its first day in `from` and its last in `to`. */
const day = (end: 'from' | 'to') =>
	z.string().transform((text, ctx) => {
		const match = /^(\d{4})(?:-(\d{2})-(\d{2}))?$/.exec(text);
		if (!match) return refuse(ctx, 'date_format', `"${shown(text)}" is neither a year (YYYY) nor a day (YYYY-MM-DD)`, { value: shown(text) });
		const [year, month, date] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
		if (year === 0) return refuse(ctx, 'year_zero', 'there is no year 0000; years start at 0001', { value: text });
		if (month < 1 || month > 12) return refuse(ctx, 'no_such_month', `${text} is not a date: there is no month ${match[2]}`, { value: text, month });
		const days = daysInMonth(year, month);
		if (date < 1 || date > days) {
			return refuse(ctx, 'no_such_day', `${text} is not a date: ${MONTHS[month - 1]} ${match[1]} has ${days} days`, { value: text, day: date, month, year, days });
		}
		return match[2] ? text : end === 'from' ? `${text}-01-01` : `${text}-12-31`;
	});

/**
 * How a key is shown to readers, beside its parser: `description` (and the wire form in
 * `type`, `pattern`, `minimum`, `maximum`, `x-items`) is the OpenAPI text generated from this
 * schema (src/lib/server/openapi/filter-parameters.ts); `facet` puts the key in the filter
 * panel's counted lists, at `position`, with value labels from the catalogue (`codes`, under
 * `explorer.<key>.<value>`) or from the data (`names`).
 */
export interface FilterKeyMeta {
	description: string;
	facet?: { position: number; labels: 'codes' | 'names' };
	[jsonSchema: string]: unknown;
}

const listMeta = (meta: FilterKeyMeta & { 'x-items': object }): FilterKeyMeta => ({
	...meta,
	description: `${meta.description} Comma-separated list of at most ${MAX_LIST} values.`
});
const DAY_PATTERN = '^\\d{4}(-\\d{2}-\\d{2})?$';
const ID_ITEMS = { type: 'integer', minimum: 1, maximum: MAX_ID };

// The key order here is the canonical order of FILTER_KEYS (URLs, cache keys, ETags).
const filterShape = {
	from: day('from').meta({ description: 'Documented on or after this day (YYYY means 1 January); a real calendar day, year 0001 or later.', pattern: DAY_PATTERN } satisfies FilterKeyMeta).optional(),
	to: day('to').meta({ description: 'Documented on or before this day (YYYY means 31 December); a real calendar day, year 0001 or later.', pattern: DAY_PATTERN } satisfies FilterKeyMeta).optional(),
	country: list(readIso3).meta(listMeta({ description: 'Country of recovery, ISO 3166 alpha-3 (any case); an unknown code is a 400.', 'x-items': { enum: ISO3_CODES }, facet: { position: 3, labels: 'names' } })).optional(),
	category: list(oneOf(ITEM_CATEGORIES)).meta(listMeta({ description: 'Item category.', 'x-items': { enum: ITEM_CATEGORIES }, facet: { position: 1, labels: 'codes' } })).optional(),
	type: list(readText).meta(listMeta({ description: 'Item type, e.g. "assault rifle"; no control characters.', 'x-items': { type: 'string', maxLength: MAX_TEXT }, facet: { position: 2, labels: 'names' } })).optional(),
	made_in: list(readIso3).meta(listMeta({ description: 'Country of manufacture, ISO 3166 alpha-3 (former states: YUG, SUN, CSK); an unknown code is a 400.', 'x-items': { enum: ISO3_CODES }, facet: { position: 4, labels: 'names' } })).optional(),
	manufacturer: list(readId).meta(listMeta({ description: 'Manufacturer party ids.', 'x-items': ID_ITEMS })).optional(),
	group: list(readId).meta(listMeta({ description: 'Holding force (armed group or state force) party ids.', 'x-items': ID_ITEMS })).optional(),
	response: list(oneOf(RESPONSE_FILTERS)).meta(listMeta({ description: 'Class of a trace response about the item; "none" = a request still unanswered.', 'x-items': { enum: RESPONSE_FILTERS }, facet: { position: 5, labels: 'codes' } })).optional(),
	marking: list(oneOf(MARKING_STATES)).meta(listMeta({ description: 'State of the item markings.', 'x-items': { enum: MARKING_STATES }, facet: { position: 6, labels: 'codes' } })).optional(),
	// The wire value is a whole number: `type` and its bounds say so in the generated OpenAPI.
	case: z.string().transform(readId).meta({ description: 'Items of this diversion case.', ...ID_ITEMS } satisfies FilterKeyMeta).optional(),
	consignment: z.string().transform(readId).meta({ description: 'Items of this consignment.', ...ID_ITEMS } satisfies FilterKeyMeta).optional()
};

export type FilterKey = keyof typeof filterShape;
/** The filter keys in their canonical order (also the URL parameter names). */
export const FILTER_KEYS: readonly FilterKey[] = Object.keys(filterShape) as FilterKey[];

/** What the schema says about a key for readers: its description and its place in the filter panel. */
export function filterKeyMeta(key: FilterKey): FilterKeyMeta {
	return filterShape[key].unwrap().meta() as FilterKeyMeta;
}

/** The keys the filter panel lists with counts, in the panel's order. */
export const FACET_KEYS: readonly FilterKey[] = FILTER_KEYS.filter((key) => filterKeyMeta(key).facet).sort(
	(a, b) => filterKeyMeta(a).facet!.position - filterKeyMeta(b).facet!.position
);

export const filterSchema = z
	.object(filterShape)
	.refine((f) => !f.from || !f.to || f.from <= f.to, {
		path: ['from'],
		error: (issue) => {
			const f = issue.input as { from: string; to: string };
			return `${f.from} is after to (${f.to})`;
		},
		params: { code: 'from_after_to' }
	});

export type Filter = z.output<typeof filterSchema>;

export type FilterResult = { ok: true; filter: Filter } | ({ ok: false } & FilterIssue);

/** The raw text of the filter parameters: repeated ones joined by commas, empty ones dropped. */
function rawFilter(params: URLSearchParams): Record<string, string> {
	const raw: Record<string, string> = {};
	for (const key of FILTER_KEYS) {
		const values = params.getAll(key).filter((v) => v !== '');
		if (values.length) raw[key] = values.join(',');
	}
	return raw;
}

/** Reads the filter from query parameters; unknown parameters (viewport, layers) are ignored. */
export function parseFilter(query: URLSearchParams): FilterResult {
	const raw = rawFilter(query);
	const parsed = filterSchema.safeParse(raw);
	if (parsed.success) return { ok: true, filter: normalise(parsed.data) };
	const issue = parsed.error.issues[0];
	const field = String(issue.path[0]) as FilterKey;
	const { code, ...rest } = ((issue as { params?: FilterIssueParams }).params ?? {}) as FilterIssueParams;
	const values = code === 'from_after_to' ? { from: raw.from, to: raw.to } : rest;
	return { ok: false, field, code: code as FilterIssueCode, params: values, error: `${field}: ${issue.message}` };
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

/**
 * `release=N`: the data release a link cites (db/migrations/023). Not a Filter key: it
 * selects no rows, so it stays out of the canonical filter and the caches' keys (every
 * view of the current data shares its answers whichever release its link names). It is
 * read here because this module is the one home of the URL's parameters.
 */
export const RELEASE_PARAM = 'release' as const;

export type ReleasePinResult = { ok: true; release: number | null } | { ok: false; field: typeof RELEASE_PARAM; error: string };

const releasePinSchema = z.string().transform(readId);

/** The release a link pins, null when it pins none; a value that is no release number is refused. */
export function parseReleasePin(query: URLSearchParams): ReleasePinResult {
	const raw = query.get(RELEASE_PARAM);
	if (raw === null || raw === '') return { ok: true, release: null };
	const parsed = releasePinSchema.safeParse(raw);
	if (parsed.success) return { ok: true, release: parsed.data };
	return { ok: false, field: RELEASE_PARAM, error: `${RELEASE_PARAM}: ${parsed.error.issues[0].message}` };
}
