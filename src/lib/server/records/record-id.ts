/** The largest id a Postgres `integer` column holds. */
const maxId = 2_147_483_647;

/**
 * A record id from a URL segment: digits only, within the integer range. Anything else is
 * null, so the route can answer 400 (API) or 404 (page) before asking the database.
 */
export function parseRecordId(text: string): number | null {
	if (!/^[1-9]\d{0,9}$/.test(text)) return null;
	const id = Number(text);
	return id <= maxId ? id : null;
}
