import type { CaseRecord } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import { readLockedReplies } from './locked-replies.ts';
import caseSql from './case-record.sql?raw';

const caseQuery = sqlTemplate(caseSql);

/** A diversion case page's record, with the locked replies on it or its items' responses. */
export async function readCaseRecord(tx: Queryable, caseId: number): Promise<CaseRecord | null> {
	const [found] = await caseQuery<{ record: Omit<CaseRecord, 'rightOfReply'>; response_ids: number[] }>(tx, { case_id: caseId });
	if (!found) return null;
	const rightOfReply = await readLockedReplies(tx, found.response_ids, [caseId]);
	return { ...found.record, rightOfReply };
}
