import type { ReviewReply } from '$lib/api/review.ts';
import type { Account } from '../auth/account.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import { asStaffWriter } from './staff-writer.ts';
import repliesSql from './replies.sql?raw';
import lockReplySql from './lock-reply.sql?raw';
import supersedeReplySql from './supersede-reply.sql?raw';

const repliesQuery = sqlTemplate<{ reply: ReviewReply }>(repliesSql);
const lockQuery = sqlTemplate<{ id: number; locked_on: Date }>(lockReplySql);
const supersedeQuery = sqlTemplate<{ id: number; version: number }>(supersedeReplySql);

const REPLIES_SHOWN = 200;

/** Right-of-reply versions, drafts first; read as staff. */
export async function readReplyVersions(tx: Queryable): Promise<ReviewReply[]> {
	return (await repliesQuery(tx, { limit: REPLIES_SHOWN })).map((row) => row.reply);
}

/** Locks an agreed version with today's date; false when it is unknown or already locked. */
export function lockReply(account: Account, id: number): Promise<boolean> {
	return asStaffWriter(account, `right of reply: lock version ${id}`, async (tx) => (await lockQuery(tx, { id })).length === 1);
}

/**
 * Supersedes a locked version with new wording (the next version of its thread, a draft
 * until it is agreed and locked); null when `id` is no locked latest version.
 */
export function supersedeReply(account: Account, id: number, body: string): Promise<{ id: number; version: number } | null> {
	return asStaffWriter(account, `right of reply: supersede version ${id}`, async (tx) => {
		const [added] = await supersedeQuery(tx, { id, body });
		return added ? { id: added.id, version: added.version } : null;
	});
}
