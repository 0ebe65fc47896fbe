// The explorer's whole view as URL query parameters: the Filter (by filter-schema.ts, its
// own names), the viewport, the visible layers, the selection and the serial search. The URL
// is the only source of truth, so this codec is what makes every view a permalink.
import { FILTER_KEYS, RELEASE_PARAM, canonicalFilter, filterToParams, parseFilter, parseReleasePin, type Filter, type FilterIssue } from '$lib/filter/filter-schema.ts';
import type { MessageKey, MessageValues } from '$lib/i18n/translate.ts';
import { SITE_COLOURINGS, SITE_SIZINGS, type SiteColouring, type SiteSizing } from '$lib/map/site-marks.ts';
import { parsePlayRange, parsePlaySpeed, serialisePlayRange, type PlayRange, type PlaySpeed } from './playback.ts';

export const LAYER_NAMES = ['sites', 'routes', 'labels'] as const;
export type LayerName = (typeof LAYER_NAMES)[number];

export const SELECTION_KINDS = ['site', 'item', 'route', 'consignment'] as const;
export type SelectionKind = (typeof SELECTION_KINDS)[number];
export interface Selection {
	kind: SelectionKind;
	id: number;
}

/** The framed area, [west, south, east, north] in degrees: the same area on a phone and a desktop. */
export type ViewBox = [west: number, south: number, east: number, north: number];

/** A viewport as centre and zoom: only how old `at=` links were written. */
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
	/**
	 * The filter sent to the API: the canonical filter, or nothing while it is invalid, with the
	 * link's release pin, so the view's figures and tiles answer as of the release it cites.
	 */
	dataQuery: string;
	/** `release=N` when the link pins a release (a cited view), else empty. */
	pinQuery: string;
	/** Null until the reader moves the map: the map then frames the data itself. */
	bbox: ViewBox | null;
	layers: LayerName[];
	selection: Selection | null;
	q: string;
	/** What the site marks' colour says (`colour`): category shares (default) or top category. */
	colour: SiteColouring;
	/** What the site marks' size says (`size`): units (default) or item records. */
	size: SiteSizing;
	/** The time range being played (playback.ts); its current frame is the Filter's from/to. */
	play: PlayRange | null;
	speed: PlaySpeed;
}

/** The parameters this codec owns; anything else (`lang`, `debug`) is carried over untouched. */
export const VIEW_KEYS: readonly string[] = [...FILTER_KEYS, 'bbox', 'at', 'layers', 'sel', 'q', 'colour', 'size', 'play', 'speed'];

export const DEFAULT_LAYERS: readonly LayerName[] = LAYER_NAMES;

const round = (value: number, digits: number) => Number(value.toFixed(digits));
const MAX_LAT = 85.0511;

/**
 * A box rounded to a thousandth of its smaller side (a world view to 0.1°, a town to ~10 m):
 * finer only bloats shared links, coarser would move what a reader framed.
 */
export function roundViewBox([w, s, e, n]: ViewBox): ViewBox {
	const span = Math.max(1e-6, Math.min(e - w, n - s));
	const digits = Math.max(0, Math.min(5, Math.ceil(Math.log10(1000 / span))));
	const lon = (x: number) => round(Math.max(-180, Math.min(180, x)), digits);
	const lat = (y: number) => round(Math.max(-MAX_LAT, Math.min(MAX_LAT, y)), digits);
	return [lon(w), lat(s), lon(e), lat(n)];
}

export function parseViewBox(text: string | null): ViewBox | null {
	if (!text) return null;
	const parts = text.split(',').map(Number);
	if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
	const [w, s, e, n] = parts as ViewBox;
	if (w < -180 || e > 180 || s < -90 || n > 90 || w >= e || s >= n) return null;
	return roundViewBox([w, s, e, n]);
}

// An `at=` link was made on a screen we do not know: read it as the map it was most likely
// framed on, the explorer's canvas in a 1280×800 window beside the filter column (MapLibre's
// 512 px tiles), so old links still open on their place at about their zoom.
const LEGACY_SCREEN = { width: 960, height: 744 };
const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const latitudeOf = (y: number) => (360 / Math.PI) * Math.atan(Math.exp(y)) - 90;

export function viewBoxOfViewport({ lon, lat, zoom }: Viewport): ViewBox {
	const pixelsPerWorld = 512 * 2 ** zoom;
	const halfLon = (LEGACY_SCREEN.width / 2 / pixelsPerWorld) * 360;
	const halfY = (LEGACY_SCREEN.height / 2 / pixelsPerWorld) * 2 * Math.PI;
	const y = mercatorY(lat);
	return roundViewBox([lon - halfLon, latitudeOf(y - halfY), lon + halfLon, latitudeOf(y + halfY)]);
}

export function parseViewport(text: string | null): Viewport | null {
	if (!text) return null;
	const parts = text.split(',').map(Number);
	if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
	const [lon, lat, zoom] = parts as [number, number, number];
	if (lon < -180 || lon > 180 || lat < -85.06 || lat > 85.06 || zoom < 0 || zoom > 22) return null;
	return { lon, lat, zoom };
}

/** `bbox=w,s,e,n`, else an old `at=lon,lat,zoom` link read as the box it showed. */
function parseFraming(params: URLSearchParams): ViewBox | null {
	const box = parseViewBox(params.get('bbox'));
	if (box) return box;
	const legacy = parseViewport(params.get('at'));
	return legacy ? viewBoxOfViewport(legacy) : null;
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

/** `release=N` for a link that pins a valid release, else empty (the server refuses a bad one). */
function pinQueryOf(params: URLSearchParams): string {
	const pin = parseReleasePin(params);
	return pin.ok && pin.release !== null ? `${RELEASE_PARAM}=${pin.release}` : '';
}

const pinned = (filterQuery: string, pinQuery: string) => [filterQuery, pinQuery].filter(Boolean).join('&');

export function parseViewState(params: URLSearchParams): ViewState {
	const parsed = parseFilter(params);
	return {
		filter: parsed.ok ? parsed.filter : {},
		filterError: parsed.ok ? null : issueOf(parsed),
		filterQuery: parsed.ok ? canonicalFilter(parsed.filter) : rawFilterQuery(params),
		dataQuery: parsed.ok ? pinned(canonicalFilter(parsed.filter), pinQueryOf(params)) : '',
		pinQuery: pinQueryOf(params),
		bbox: parseFraming(params),
		layers: parseLayers(params.get('layers')),
		selection: parseSelection(params.get('sel')),
		q: (params.get('q') ?? '').trim().slice(0, 100),
		colour: parseChoice(params.get('colour'), SITE_COLOURINGS),
		size: parseChoice(params.get('size'), SITE_SIZINGS),
		play: parsePlayRange(params.get('play')),
		speed: parsePlaySpeed(params.get('speed'))
	};
}

export type ViewChange = Partial<Pick<ViewState, 'filter' | 'bbox' | 'layers' | 'selection' | 'q' | 'colour' | 'size' | 'play' | 'speed'>>;

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
		next.dataQuery = parsed.ok ? pinned(next.filterQuery, view.pinQuery) : '';
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

/** The query string of a view: filter first (canonical order), then bbox, layers, sel, q, play, speed. */
export function serialiseViewState(view: ViewState, carried: URLSearchParams = new URLSearchParams()): string {
	const parts: string[] = [];
	if (view.filterQuery) parts.push(view.filterQuery);
	const rest = new URLSearchParams();
	if (view.bbox) rest.set('bbox', view.bbox.join(','));
	const layers = LAYER_NAMES.filter((name) => view.layers.includes(name));
	if (layers.length !== LAYER_NAMES.length) rest.set('layers', layers.join(','));
	if (view.selection) rest.set('sel', `${view.selection.kind}:${view.selection.id}`);
	if (view.q) rest.set('q', view.q);
	if (view.colour !== SITE_COLOURINGS[0]) rest.set('colour', view.colour);
	if (view.size !== SITE_SIZINGS[0]) rest.set('size', view.size);
	if (view.play) rest.set('play', serialisePlayRange(view.play));
	if (view.play && view.speed !== 1) rest.set('speed', String(view.speed));
	for (const [key, value] of carried) if (!VIEW_KEYS.includes(key)) rest.append(key, value);
	const tail = rest.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
	if (tail) parts.push(tail);
	return parts.join('&');
}
