// PGlite runs no autovacuum: every update, delete and rolled-back write of the embedded
// database stays in its tables as a dead row, and its statistics stay as the last ANALYZE
// left them. Publishing and unpublishing rewrite item_facts and every rollup (migrations 015,
// 018, 028, 031, 032), so the demo grew without bound: after the integration tests the
// dimension pair rollup took 471 MB for 39 MB of rows, and /api/stats without a filter
// took 192 ms instead of 88 (tests/bench/aggregates-profile.mjs on that database, before
// and after VACUUM FULL). This does what autovacuum would: when the database has been
// written to and then left idle, VACUUM (75 ms when little changed, 0.7 s after 2,000 items
// were changed, on the demo), and ANALYZE too after much has been written.
import type { PGlite } from '@electric-sql/pglite';
import type { SessionQueue } from './embedded-session-queue.ts';

export interface MaintenanceOptions {
	/** How often to look (ms). */
	checkEveryMs: number;
	/** How long no connection must have used the database first (ms). */
	idleMs: number;
	/** WAL bytes written since the last ANALYZE that call for another (a 1,000-item change writes about 130 MB). */
	analyzeAfterBytes: number;
}

export const DEFAULT_MAINTENANCE: MaintenanceOptions = { checkEveryMs: 30_000, idleMs: 2_000, analyzeAfterBytes: 512 * 1024 * 1024 };

/** Where the write-ahead log stands, and how many bytes it has moved past `since`. */
async function walPosition(db: PGlite, since: string | null): Promise<{ lsn: string; moved: number }> {
	const { rows } = await db.query<{ lsn: string; moved: number }>(
		`SELECT pg_current_wal_lsn()::text AS lsn, coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), $1::pg_lsn), 0)::float8 AS moved`,
		[since]
	);
	return rows[0]!;
}

/** Vacuums (and analyzes) the database when it has been written to and left idle; stop() ends it. */
export function keepVacuumed(db: PGlite, queue: SessionQueue, options: MaintenanceOptions = DEFAULT_MAINTENANCE): { stop(): Promise<void> } {
	// Null at start: one VACUUM once idle, for whatever an earlier run left behind.
	let vacuumedAt: string | null = null;
	let analyzedAt: string | null = null;
	let running: Promise<void> | null = null;
	const check = () => {
		if (running || queue.idleForMs() < options.idleMs) return;
		running = queue
			.whenFree(async () => {
				const now = await walPosition(db, analyzedAt);
				if (now.lsn === vacuumedAt) return;
				await db.exec('VACUUM');
				// Seeding and migrations leave fresh statistics: counted from the first look.
				if (analyzedAt === null) analyzedAt = now.lsn;
				else if (now.moved >= options.analyzeAfterBytes) {
					await db.exec('ANALYZE');
					analyzedAt = now.lsn;
				}
				// Its own writes do not call for another.
				vacuumedAt = (await walPosition(db, null)).lsn;
			})
			.catch((error: unknown) => console.error(`[embedded-db] maintenance (VACUUM) failed: ${error instanceof Error ? error.message : error}`))
			.finally(() => {
				running = null;
			});
	};
	const timer = setInterval(check, options.checkEveryMs);
	timer.unref();
	// Stopping waits for a VACUUM under way: the database is closed after it.
	return {
		stop: async () => {
			clearInterval(timer);
			await running;
		}
	};
}
