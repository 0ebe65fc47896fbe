import type { Transfer } from '$lib/api/records.ts';
import { runSqlFile, type Queryable } from '../sql-file.ts';
import transfersSql from './consignment-transfers.sql?raw';

/** The visible transfers of a consignment, in shipping order, with their waypoints. */
export async function readConsignmentTransfers(tx: Queryable, consignmentId: number): Promise<Transfer[]> {
	const rows = await runSqlFile<{ transfer: Transfer }>(tx, transfersSql, [consignmentId]);
	return rows.map((row) => row.transfer);
}
