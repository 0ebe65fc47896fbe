import type { Transfer } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import transfersSql from './consignment-transfers.sql?raw';

const transfersQuery = sqlTemplate(transfersSql);

/** The visible transfers of a consignment, in shipping order, with their waypoints. */
export async function readConsignmentTransfers(tx: Queryable, consignmentId: number): Promise<Transfer[]> {
	const rows = await transfersQuery<{ transfer: Transfer }>(tx, { consignment_id: consignmentId });
	return rows.map((row) => row.transfer);
}
