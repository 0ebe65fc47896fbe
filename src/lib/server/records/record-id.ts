import { MAX_ID } from '$lib/filter/filter-schema.ts';

/**
 * A record id from a URL segment: digits only, within PostgreSQL's `integer` range (the
 * Filter's MAX_ID). Anything else is null, so the route can answer 400 (API) or 404 (page)
 * before asking the database.
 */
export function parseRecordId(text: string): number | null {
	if (!/^[1-9]\d{0,9}$/.test(text)) return null;
	const id = Number(text);
	return id <= MAX_ID ? id : null;
}
