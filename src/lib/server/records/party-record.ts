import type { PartyRecord } from '$lib/api/records.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import partySql from './party-record.sql?raw';

const partyQuery = sqlTemplate(partySql);

/** Transfers and trace requests listed on a party page; the counts cover them all. */
export const PARTY_LIST_LIMIT = 50;

/** A party page's record as the viewer sees it; null when unknown or hidden. */
export async function readPartyRecord(tx: Queryable, partyId: number): Promise<PartyRecord | null> {
	// Items are counted through the Filter's own conditions, so the page and the API agree.
	const [found] = await partyQuery(tx, {
		party: partyId,
		made: filterCondition(tx, { manufacturer: [partyId] }),
		held: filterCondition(tx, { group: [partyId] }),
		limit: PARTY_LIST_LIMIT
	});
	return (found?.record as PartyRecord | undefined) ?? null;
}
