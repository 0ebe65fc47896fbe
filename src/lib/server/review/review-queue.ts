import type { ReviewEntry, ReviewKind, ReviewQueue, ReviewState } from '$lib/api/review.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import queueSql from './review-queue.sql?raw';

const queueQuery = sqlTemplate<{ entry: ReviewEntry; total: number }>(queueSql);

export const REVIEW_PAGE = 100;

/** Which part of the queue an editor looks at (parsed by review-query.ts). */
export interface ReviewQuery {
	state: ReviewState;
	kind: ReviewKind | null;
	country: string | null;
	q: string | null;
}

/** The entries in one review state, newest first; read as staff (every row visible). */
export async function readReviewQueue(tx: Queryable, query: ReviewQuery): Promise<ReviewQueue> {
	const rows = await queueQuery(tx, { ...query, limit: REVIEW_PAGE });
	return { entries: rows.map((row) => row.entry), total: rows[0]?.total ?? 0, limit: REVIEW_PAGE };
}
