// The explorer's whole view as URL query parameters: the Filter (by filter-schema.ts, its
// own names), the viewport, the visible layers, the selection and the serial search. The URL
// is the only source of truth, so this codec is what makes every view a permalink.
import { FILTER_KEYS, canonicalFilter, filterToParams, parseFilter, type Filter, type FilterIssue } from '$lib/filter/filter-schema.ts';
import type { MessageKey, MessageValues } from '$lib/i18n/translate.ts';
import { SITE_COLOURINGS, SITE_SIZINGS, type SiteColouring, type SiteSizing } from '$lib/map/site-marks.ts';

export const LAYER_NAMES = ['sites', 'routes', 'labels'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

export const SELECTION_KINDS = ['site', 'item', 'route', 'consignment'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export interface Selection {
	kind: SelectionKind;
	id: number;
}

export interface Viewport {
	lon: number;
	lat: number;
	zoom: number;
}

export interface ViewState {
	filter: Filter;
	/** Why the filter parameters were refused (see describeFilterIssue); the map then shows everything. */
	filterError: FilterIssue | null;
	/** The filter part of the query: canonical when valid, the reader's text when not. */
	filterQuery: string;
	/** The filter sent to the API: the canonical filter, or nothing while it is invalid. */
	dataQuery: string;
	/** Null until the reader moves the map: the map then frames the data itself. */
	at: Viewport | null;
	layers: LayerName[];
	selection: Selection | null;
	q: string;
	/** What the site marks' colour says (`colour`): category shares (default) or top category. */
	colour: SiteColouring;
	/** What the site marks' size says (`size`): units (default) or item records. */
	size: SiteSizing;
}

/** The parameters this codec owns; anything else (`lang`, `debug`) is carried over untouched. */
export const VIEW_KEYS: readonly string[] = [...FILTER_KEYS, 'at', 'layers', 'sel', 'q', 'colour', 'size'];

export const DEFAULT_LAYERS: readonly LayerName[] = LAYER_NAMES;

// ~10 m at the equator and a hundredth of a zoom level: finer only bloats shared links.
const round = (value: number, digits: number) => Number(value.toFixed(digits));

export function roundViewport(view: Viewport): Viewport {
	const lon = ((((view.lon + 180) % 360) + 360) % 360) - 180;
	return { lon: round(lon, 4), lat: round(view.lat, 4), zoom: round(view.zoom, 2) };
}

export function parseViewport(text: string | null): Viewport | null {
	if (!text) return null;
	const parts = text.split(',').map(Number);
	if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
	const [lon, lat, zoom] = parts as [number, number, number];
	if (lon < -180 || lon > 180 || lat < -85.06 || lat > 85.06 || zoom < 0 || zoom > 22) return null;
	return roundViewport({ lon, lat, zoom });
}

export function parseLayers(text: string | null): LayerName[] {
	if (text === null) return [...DEFAULT_LAYERS];
	const wanted = new Set(text.split(',').map((part) => part.trim()));
	// Canonical order, unknown names dropped: `layers=` (empty) means every layer is off.
	return LAYER_NAMES.filter((name) => wanted.has(name));
}

/** One word of a fixed list, the first (the default) for anything else. */
function parseChoice<T extends string>(text: string | null, choices: readonly T[]): T {
	return choices.includes(text as T) ? (text as T) : choices[0]!;
}

export function parseSelection(text: string | null): Selection | null {
	const match = /^(site|item|route|consignment):(\d{1,10})$/.exec(text ?? '');
	if (!match) return null;
	const id = Number(match[2]);
	return id > 0 && id <= 2_147_483_647 ? { kind: match[1] as SelectionKind, id } : null;
}

/** The filter parameters as the reader wrote them, in canonical key order. */
function rawFilterQuery(params: URLSearchParams): string {
	const raw = new URLSearchParams();
	for (const key of FILTER_KEYS) {
		const values = params.getAll(key).filter((value) => value !== '');
		if (values.length) raw.set(key, values.join(','));
	}
	return raw.toString().replaceAll('%2C', ',');
}

export function parseViewState(params: URLSearchParams): ViewState {
	const parsed = parseFilter(params);
	return {
		filter: parsed.ok ? parsed.filter : {},
		filterError: parsed.ok ? null : issueOf(parsed),
		filterQuery: parsed.ok ? canonicalFilter(parsed.filter) : rawFilterQuery(params),
		dataQuery: parsed.ok ? canonicalFilter(parsed.filter) : '',
		at: parseViewport(params.get('at')),
		layers: parseLayers(params.get('layers')),
		selection: parseSelection(params.get('sel')),
		q: (params.get('q') ?? '').trim().slice(0, 100),
		colour: parseChoice(params.get('colour'), SITE_COLOURINGS),
		size: parseChoice(params.get('size'), SITE_SIZINGS)
	};
}

export type ViewChange = Partial<Pick<ViewState, 'filter' | 'at' | 'layers' | 'selection' | 'q' | 'colour' | 'size'>>;

const issueOf = ({ field, code, params, error }: FilterIssue): FilterIssue => ({ field, code, params, error });

/**
 * The view after a change. A new filter replaces the old one whole and goes through the
 * Filter schema as the server reads it, so the browser writes one URL per view (a year typed
 * as `2015` becomes `from=2015-01-01`) and never a value the server would refuse unnoticed:
 * a refused filter comes back with its `filterError`, exactly as reading its URL would give.
 */
export function applyViewChange(view: ViewState, change: ViewChange): ViewState {
	const next = { ...view, ...change };
	if (change.filter) {
		const params = filterToParams(change.filter);
		const parsed = parseFilter(params);
		next.filter = parsed.ok ? parsed.filter : {};
		next.filterError = parsed.ok ? null : issueOf(parsed);
		next.filterQuery = parsed.ok ? canonicalFilter(parsed.filter) : rawFilterQuery(params);
		next.dataQuery = parsed.ok ? next.filterQuery : '';
	}
	return next;
}

/** Whether a typed time range is one the Filter takes; the issue (field from or to) if not. */
export function checkTimeRange(from: string | undefined, to: string | undefined): FilterIssue | null {
	const params = new URLSearchParams();
	if (from) params.set('from', from);
	if (to) params.set('to', to);
	const parsed = parseFilter(params);
	return parsed.ok ? null : issueOf(parsed);
}

type Translate = { locale: string; t: (key: MessageKey, values?: MessageValues) => string };

/**
 * A refused filter value said in words, in the reader's language: the schema's machine code
 * picks the catalogue message, its params fill it ("31 February is not a date in 2019").
 */
export function describeFilterIssue(issue: Pick<FilterIssue, 'code' | 'params'>, { locale, t }: Translate): string {
	// Strings, not numbers: ICU would write the year 2019 as "2,019".
	const values: MessageValues = Object.fromEntries(Object.entries(issue.params).map(([key, value]) => [key, String(value)]));
	if (typeof issue.params.month === 'number') {
		const month = issue.params.month;
		values.month = String(month).padStart(2, '0');
		if (month >= 1 && month <= 12) {
			values.monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 1));
		}
	}
	return t(`explorer.filterIssue.${issue.code}`, values);
}

/** The query string of a view: filter first (canonical order), then at, layers, sel, q. */
export function serialiseViewState(view: ViewState, carried: URLSearchParams = new URLSearchParams()): string {
	const parts: string[] = [];
	if (view.filterQuery) parts.push(view.filterQuery);
	const rest = new URLSearchParams();
	if (view.at) rest.set('at', `${view.at.lon},${view.at.lat},${view.at.zoom}`);
	const layers = LAYER_NAMES.filter((name) => view.layers.includes(name));
	if (layers.length !== LAYER_NAMES.length) rest.set('layers', layers.join(','));
	if (view.selection) rest.set('sel', `${view.selection.kind}:${view.selection.id}`);
	if (view.q) rest.set('q', view.q);
	if (view.colour !== SITE_COLOURINGS[0]) rest.set('colour', view.colour);
	if (view.size !== SITE_SIZINGS[0]) rest.set('size', view.size);
	for (const [key, value] of carried) if (!VIEW_KEYS.includes(key)) rest.append(key, value);
	const tail = rest.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
	if (tail) parts.push(tail);
	return parts.join('&');
}
