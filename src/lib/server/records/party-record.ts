import type { PartyRecord } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import partySql from './party-record.sql?raw';

const partyQuery = sqlTemplate(partySql);

/** Transfers and trace requests listed on a party page; the counts cover them all. */
export const PARTY_LIST_LIMIT = 50;

/** A party page's record as the viewer sees it; null when unknown or hidden. */
export async function readPartyRecord(tx: Queryable, partyId: number): Promise<PartyRecord | null> {
	const [found] = await partyQuery<{ record: PartyRecord }>(tx, { party_id: partyId, list_limit: PARTY_LIST_LIMIT });
	return found?.record ?? null;
}
