import type { RightOfReply } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import lockedRepliesSql from './locked-replies.sql?raw';

const lockedReplies = sqlTemplate(lockedRepliesSql);

/** The locked right-of-reply texts on these responses or cases, newest version first. */
export async function readLockedReplies(tx: Queryable, responseIds: number[], caseIds: number[]): Promise<RightOfReply[]> {
	if (responseIds.length === 0 && caseIds.length === 0) return [];
	const rows = (await lockedReplies(tx, {
		response_ids: tx.array(responseIds),
		case_ids: tx.array(caseIds)
	})) as unknown as { reply: RightOfReply }[];
	return rows.map((row) => row.reply);
}
