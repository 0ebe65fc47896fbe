import type { FlaggedParty } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import flaggedSql from './flagged-parties.sql?raw';

const flaggedQuery = sqlTemplate(flaggedSql);

/** Every red-flagged party visible in the transaction, real records first. */
export async function readFlaggedParties(tx: Queryable): Promise<FlaggedParty[]> {
	const rows = await flaggedQuery<{ party: FlaggedParty }>(tx);
	return rows.map((row) => row.party);
}
