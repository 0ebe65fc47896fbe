import type { FlaggedParty } from '$lib/api/records.ts';
import { runSqlFile, type Queryable } from '../sql-file.ts';
import flaggedSql from './flagged-parties.sql?raw';

/** Every red-flagged party visible in the transaction, real records first. */
export async function readFlaggedParties(tx: Queryable): Promise<FlaggedParty[]> {
	const rows = await runSqlFile<{ party: FlaggedParty }>(tx, flaggedSql);
	return rows.map((row) => row.party);
}
