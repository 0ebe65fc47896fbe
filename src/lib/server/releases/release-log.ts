import type { Correction, ReleaseChange, ReleaseLogEntry } from '$lib/api/releases.ts';
import type { RecordKind } from '$lib/domain/vocabulary.ts';
import { sharedRead } from '../http/shared-read.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import releaseLogSql from './release-log.sql?raw';

interface Row {
	number: number;
	released_on: string;
	released_at: string;
	summary: string;
	synthetic: boolean;
	changes: ReleaseChange[];
	corrections: { id: number; kind: RecordKind | null; recordId: number | null; what: string; why: string }[];
}

const releaseLogQuery = sqlTemplate<Row>(releaseLogSql);

// A page and a feed show the newest releases; older ones stay in the database (a daily
// publish makes 365 a year, and a feed reader only needs the recent ones).
export const RELEASE_LOG_LENGTH = 200;

export async function readReleaseLog(tx: Queryable, limit = RELEASE_LOG_LENGTH): Promise<ReleaseLogEntry[]> {
	const rows = await releaseLogQuery(tx, { limit });
	return rows.map((row) => ({
		number: row.number,
		releasedOn: row.released_on,
		releasedAt: row.released_at,
		summary: row.summary,
		synthetic: row.synthetic,
		changes: row.changes,
		corrections: row.corrections.map(
			(c): Correction => ({ id: c.id, record: c.kind && c.recordId !== null ? { kind: c.kind, id: Number(c.recordId) } : null, what: c.what, why: c.why })
		)
	}));
}

/** The release log as `viewer` sees it, read once per data version. */
export function releaseLog(viewer: Viewer): Promise<ReleaseLogEntry[]> {
	return sharedRead(viewer, 'release-log', [], (tx) => readReleaseLog(tx));
}
