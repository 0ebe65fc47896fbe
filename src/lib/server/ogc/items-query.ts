// The OGC API – Features query parameters of an items request (`limit`, `bbox`, `bbox-crs`,
// `datetime`, `f`), read into the portal's own: the Filter's `from`/`to` and the GeoJSON
// page's `limit`/`offset`/`bbox`. The Filter and the page are then parsed once, where every
// filtered endpoint parses them (filtered-endpoint.ts), so OGC clients get the same rows,
// refusals and cache as the rest of the API.
import { daysInMonth } from '$lib/filter/filter-schema.ts';
import { MAX_PAGE } from '../http/page-params.ts';

/** Features per page when a client names no `limit`: small pages for browsing clients. */
export const OGC_DEFAULT_LIMIT = 100;
/**
 * The most features one page holds: the portal GeoJSON's own bound (a page stays a few MB
 * and fits the answer cache). A larger `limit` is served as this many (OGC API – Features
 * Part 1, permission 5), since QGIS and GDAL ask for large pages and follow `next` links.
 */
export const OGC_MAX_LIMIT = MAX_PAGE;

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export type OgcQuery = { ok: true; params: URLSearchParams } | { ok: false; error: string; field: string };

const refuse = (field: string, error: string): OgcQuery => ({ ok: false, field, error: `${field}: ${error}` });

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** A real calendar day (RFC 3339 full-date), as YYYY-MM-DD, or null. */
function calendarDay(year: string, month: string, day: string): string | null {
	const [y, m, d] = [Number(year), Number(month), Number(day)];
	if (y === 0 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
	return `${year}-${month}-${day}`;
}

/**
 * One end of a `datetime`: the day it falls on (in UTC), '' for an open end (`..` or empty,
 * intervals only), or null when it is neither an RFC 3339 date nor date-time. Records are
 * documented on days, so a time of day narrows nothing further.
 */
function dayOf(text: string, open: boolean): string | null {
	if (open && (text === '..' || text === '')) return '';
	const date = DATE.exec(text);
	if (date) return calendarDay(date[1], date[2], date[3]);
	const stamp = DATE_TIME.exec(text);
	if (!stamp || calendarDay(stamp[1], stamp[2], stamp[3]) === null) return null;
	const [hh, mm, ss] = [Number(stamp[4]), Number(stamp[5]), Number(stamp[6])];
	if (hh > 23 || mm > 59 || ss > 59) return null;
	const instant = new Date(text.toUpperCase());
	if (Number.isNaN(instant.getTime()) || instant.getUTCFullYear() < 1) return null;
	return instant.toISOString().slice(0, 10);
}

const DATETIME_FORM = 'an RFC 3339 date or date-time, or an interval start/end with .. or nothing for an open end';

/**
 * `datetime` as the Filter's documented-on range: an instant is that day, an interval its
 * days, an open end no bound. Every collection's features are selected by the dates their
 * items were documented on, as the explorer's time range selects them. Given with the
 * portal's own `from`/`to`, the standard's parameter decides (the caller has checked those).
 */
function readDatetime(value: string): { from: string; to: string } | OgcQuery {
	const parts = value.split('/');
	if (parts.length > 2) return refuse('datetime', DATETIME_FORM);
	const interval = parts.length === 2;
	const ends = parts.map((part) => dayOf(part, interval));
	if (ends.some((end) => end === null)) return refuse('datetime', DATETIME_FORM);
	const [from, to = from] = ends as string[];
	if (interval && from === '' && to === '') return { from: '', to: '' };
	if (from && to && from > to) return refuse('datetime', `the interval starts (${from}) after it ends (${to})`);
	return { from, to };
}

/** `bbox` of 4 numbers as it is; of 6 (with heights), its horizontal part, since the data has no heights. */
function horizontalBbox(value: string): string {
	const parts = value.split(',');
	return parts.length === 6 ? [parts[0], parts[1], parts[3], parts[4]].join(',') : value;
}

/** The refusal of an `f` other than json (or geojson), the only encodings served; null when it is one of them or absent. */
export function refusedFormat(params: URLSearchParams): OgcQuery | null {
	const format = params.get('f');
	if (format === null || ['json', 'geojson'].includes(format.toLowerCase())) return null;
	return refuse('f', 'json or geojson (the only encodings served)');
}

/**
 * The request's parameters with the OGC ones read into the portal's: `datetime` becomes
 * `from`/`to` (in place of any given), `limit` gets its default and bound, `bbox` loses heights, `f` and `bbox-crs`
 * are checked and dropped. Every other parameter (the Filter's, `offset` of a `next` link)
 * passes through unchanged.
 */
export function readOgcQuery(query: URLSearchParams): OgcQuery {
	const params = new URLSearchParams(query);
	const format = refusedFormat(params);
	if (format) return format;
	const crs = params.get('bbox-crs');
	if (crs !== null && crs !== CRS84) return refuse('bbox-crs', `only ${CRS84} (longitude, latitude)`);
	params.delete('f');
	params.delete('bbox-crs');

	const limit = params.get('limit');
	if (limit === null) params.set('limit', String(OGC_DEFAULT_LIMIT));
	else if (!/^\d{1,12}$/.test(limit) || Number(limit) < 1) return refuse('limit', `a whole number of at least 1 (pages hold at most ${OGC_MAX_LIMIT})`);
	else params.set('limit', String(Math.min(Number(limit), OGC_MAX_LIMIT)));

	const bbox = params.get('bbox');
	if (bbox !== null) params.set('bbox', horizontalBbox(bbox));

	const datetime = params.get('datetime');
	if (datetime !== null) {
		const range = readDatetime(datetime);
		if ('ok' in range) return range;
		for (const key of ['datetime', 'from', 'to']) params.delete(key);
		if (range.from) params.set('from', range.from);
		if (range.to) params.set('to', range.to);
	}
	return { ok: true, params };
}
