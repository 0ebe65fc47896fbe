import type postgres from 'postgres';
import { database, dataVersion } from './db.ts';
import { orUnavailable } from './http/database-unavailable.ts';
import { sqlTemplate } from './sql-template.ts';
import becomeViewer from './viewer.sql?raw';

const becomeViewerQuery = sqlTemplate<{ data_version: string }>(becomeViewer);

export type ViewerRole = 'public' | 'partner' | 'staff';

/** Who is reading: decides, in the database, which rows are visible. */
export type Viewer =
	| { role: 'public' }
	| { role: 'partner'; country: string }
	| { role: 'staff' };

export const anonymousViewer: Viewer = Object.freeze({ role: 'public' });

/** A transaction in which row-level security applies to `viewer`. */
export type ViewerTransaction = postgres.TransactionSql;

/** What the transaction knows besides its rows. */
export interface ViewerSnapshot {
	/** The data version this transaction reads (atlas.data_version), as decimal text. */
	version: Promise<string>;
}

export interface ViewerOptions {
	/** Plan without parallel workers (tiles: DESIGN.md, tiles). */
	serial?: boolean;
}

// A reader's request never runs longer than this; tiles and stats set their own bounds.
const statementTimeout = '15s';

/** Ends the transaction; the connection goes back to the pool only once it is over, whatever became of it. */
function finish(tx: postgres.ReservedSql, end: 'COMMIT' | 'ROLLBACK'): void {
	void tx.unsafe(end).catch(() => {}).finally(() => tx.release());
}

/**
 * Runs `read` in a transaction as `atlas_reader` with the viewer set locally: every read
 * of publishable data goes through here, so visibility is enforced by the database.
 *
 * Round trips: BEGIN, the viewer's settings and `read`'s first query are written together
 * on a reserved connection (postgres.js pipelines queries issued without awaiting), so a
 * single-query read waits for one round trip, as its raw SQL would; a failed setting fails
 * the query after it (the transaction is aborted), never runs it as someone else. COMMIT
 * is sent once the answer is known and not waited for: the transaction only read, so its
 * outcome cannot change the answer; the connection returns to the pool when it is done.
 * (postgres.js's `begin` waits for BEGIN and for COMMIT: two more round trips, which cost
 * a cold tile most of its time on a busy machine.)
 */
export async function withViewer<T>(
	viewer: Viewer,
	read: (tx: ViewerTransaction, snapshot: ViewerSnapshot) => Promise<T>,
	{ serial = false }: ViewerOptions = {}
): Promise<T> {
	const country = viewer.role === 'partner' ? viewer.country : '';
	if (viewer.role === 'partner' && !/^[A-Z]{3}$/.test(country)) {
		throw new Error('a partner viewer needs an ISO 3166 alpha-3 country');
	}
	const versions = dataVersion();
	// A database that cannot be reached is a 503 the reader can retry, not a 500.
	return orUnavailable(async () => {
		const tx = await database().reserve();
		const begun = tx`BEGIN`.execute();
		const settings = becomeViewerQuery(tx, {
			role: viewer.role,
			country,
			statement_timeout: statementTimeout,
			parallel_workers: serial ? '0' : null
		}).execute();
		const version = settings.then(([row]) => {
			versions.observe(row.data_version);
			return row.data_version;
		});
		let answer: T;
		try {
			[answer] = await Promise.all([read(tx as unknown as ViewerTransaction, { version }), version, begun]);
		} catch (failure) {
			// Not waited for either: with the database gone it would first try to reconnect,
			// and the reader's 503 would wait for that.
			finish(tx, 'ROLLBACK');
			throw failure;
		}
		finish(tx, 'COMMIT');
		return answer;
	});
}
