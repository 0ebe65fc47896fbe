import type { Sql } from 'postgres';
import type { Account } from '../../../src/lib/server/auth/account.ts';

/** An editor as accounts will sign one in; the staff writer needs no row of its own. */
export const editor: Account = { id: 900_001, email: 'review.editor@atlas.test', role: 'editor', country: null };

/**
 * A draft, unverified documentation event at a public site whose items are all drafts made
 * in one country, with a searchable serial, linked to no trace request, case or consignment,
 * so publishing it changes only its own rows and no other test counts them.
 */
export async function draftEvent(sql: Sql) {
	const [event] = await sql`
		SELECT e.id, s.id AS site_id, s.country_iso3 AS iso3, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat,
		       array_agg(i.id ORDER BY i.id) AS items, min(i.made_in_iso3) AS made_in,
		       (array_agg(i.serial_number ORDER BY i.id) FILTER (WHERE length(i.serial_number) >= 6))[1] AS serial
		FROM atlas.documentation_events e
		JOIN atlas.sites s ON s.id = e.site_id AND s.visibility = 'public'
		JOIN atlas.items i ON i.event_id = e.id
		WHERE e.visibility = 'draft' AND e.verification = 'unverified'
		GROUP BY e.id, s.id
		HAVING bool_and(i.visibility = 'draft' AND i.made_in_iso3 IS NOT NULL AND i.consignment_id IS NULL
		         AND NOT EXISTS (SELECT 1 FROM atlas.trace_request_items ri WHERE ri.item_id = i.id)
		         AND NOT EXISTS (SELECT 1 FROM atlas.case_items ci WHERE ci.item_id = i.id))
		   AND count(DISTINCT i.made_in_iso3) = 1 AND max(length(i.serial_number)) >= 6
		ORDER BY e.id LIMIT 1`;
	if (!event) throw new Error('the demo data has no draft event to review');
	return event as { id: number; site_id: number; iso3: string; lon: number; lat: number; items: number[]; made_in: string; serial: string };
}

/**
 * Puts the database back as the seed left it after a test that committed review steps:
 * the event and its items are drafts again, unverified, and the releases the test made (and
 * the baseline rows they wrote) are gone, so later suites see the seed's release.
 */
export async function undoReview(sql: Sql, event: { id: number; items: number[] }, lastRelease: number): Promise<void> {
	await sql.begin(async (tx) => {
		await tx`UPDATE atlas.items SET visibility = 'draft' WHERE id = ANY(${event.items}::int[]) AND visibility <> 'draft'`;
		await tx`UPDATE atlas.documentation_events SET visibility = 'draft', verification = 'unverified' WHERE id = ${event.id}`;
		await tx`DELETE FROM atlas.release_baseline WHERE (record_kind = 'documentation_events' AND record_id = ${event.id})
			OR (record_kind = 'items' AND record_id = ANY(${event.items}::bigint[]))`;
		await tx`DELETE FROM atlas.release_records WHERE release > ${lastRelease}`;
		await tx`DELETE FROM atlas.release_changes WHERE release > ${lastRelease}`;
		await tx`UPDATE atlas.corrections SET release = NULL WHERE release > ${lastRelease}`;
		await tx`DELETE FROM atlas.data_releases WHERE number > ${lastRelease}`;
	});
}

/** A draft, unverified diversion case, with the country whose partner may see it restricted. */
export async function draftCase(sql: Sql) {
	const [found] = await sql`SELECT d.id, d.country_iso3 AS iso3 FROM atlas.diversion_cases d
		WHERE d.visibility = 'draft' AND NOT EXISTS (SELECT 1 FROM atlas.case_verifications v WHERE v.case_id = d.id)
		ORDER BY d.id LIMIT 1`;
	if (!found) throw new Error('the demo data has no draft case to review');
	return found as { id: number; iso3: string };
}

/** The case back as the seed left it: a draft, unverified, in no release baseline. */
export async function undoCaseReview(sql: Sql, found: { id: number }): Promise<void> {
	await sql.begin(async (tx) => {
		await tx`UPDATE atlas.diversion_cases SET visibility = 'draft' WHERE id = ${found.id} AND visibility <> 'draft'`;
		await tx`DELETE FROM atlas.case_verifications WHERE case_id = ${found.id}`;
		await tx`DELETE FROM atlas.release_baseline WHERE record_kind = 'diversion_cases' AND record_id = ${found.id}`;
	});
}

export const tileAt = (z: number, lon: number, lat: number) => {
	const rad = (lat * Math.PI) / 180;
	return {
		z,
		x: Math.floor(((lon + 180) / 360) * 2 ** z),
		y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z)
	};
};
