import type { CaseRef, Consignment, Documentation, ItemChain, ItemRecord, TraceRequest } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import { readConsignmentTransfers } from './consignment-transfers.ts';
import { readLockedReplies } from './locked-replies.ts';
import itemSql from './item-record.sql?raw';
import requestsSql from './item-trace-requests.sql?raw';
import casesSql from './item-cases.sql?raw';
import consignmentSql from './consignment-record.sql?raw';

const itemQuery = sqlTemplate(itemSql);
const requestsQuery = sqlTemplate(requestsSql);
const casesQuery = sqlTemplate(casesSql);
const consignmentQuery = sqlTemplate(consignmentSql);

interface ItemRow {
	item: ItemRecord;
	documentation: Documentation;
	consignment_id: number | null;
}

/**
 * One item and its whole trace chain as the viewer of `tx` may see it: documented →
 * requests and responses → consignment and transfers → cases, with locked replies.
 * Null when the item is unknown or hidden (also when its documentation or site is hidden).
 */
export async function readItemChain(tx: Queryable, itemId: number): Promise<ItemChain | null> {
	const [found] = await itemQuery<ItemRow>(tx, { item_id: itemId });
	if (!found) return null;
	const consignmentId = found.consignment_id;
	const [requests, cases, consignment] = await Promise.all([
		requestsQuery<{ request: TraceRequest }>(tx, { item_id: itemId }),
		casesQuery<CaseRef>(tx, { item_id: itemId }),
		consignmentId === null ? Promise.resolve(null) : readConsignmentWithTransfers(tx, consignmentId)
	]);
	const traceRequests = requests.map((row) => row.request);
	const responseIds = traceRequests.flatMap((request) => (request.response ? [request.response.id] : []));
	const caseRefs = cases.map((row) => ({ ...row }));
	const rightOfReply = await readLockedReplies(tx, responseIds, caseRefs.map((c) => c.id));
	return { item: found.item, documentation: found.documentation, traceRequests, consignment, cases: caseRefs, rightOfReply };
}

async function readConsignmentWithTransfers(tx: Queryable, consignmentId: number) {
	const [row] = await consignmentQuery<{ consignment: Consignment }>(tx, { consignment_id: consignmentId });
	if (!row) return null;
	return { ...row.consignment, transfers: await readConsignmentTransfers(tx, consignmentId) };
}
