import type postgres from 'postgres';
import pLimit from 'p-limit';
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
	/**
	 * An aggregate over many rows (stats, summary, facets, GeoJSON pages, profiles): at most
	 * AGGREGATE_LANES of them hold connections at once, so tiles and record pages, which take
	 * a few milliseconds, never queue behind a pool full of them.
	 */
	aggregate?: boolean;
}

// Of the pool's 8 connections (db.ts), aggregates may hold this many; the rest stay free for
// short reads. Measured under the load mix: with every connection held by aggregate misses,
// tiles waited 2.5 s at the median.
const AGGREGATE_LANES = 4;
const aggregateLane = pLimit(AGGREGATE_LANES);

// A reader's request never runs longer than this; tiles and stats set their own bounds.
const statementTimeout = '15s';

// An aggregate that has not settled this long after its statement timeout is on a connection
// the client lost without noticing (see withViewer): its lane is freed and its reader gets the
// 503 of a lost connection, so a few such reads cannot stop every aggregate for good.
const LANE_HOLD_MS = 20_000;

function freeLaneAfter<T>(work: Promise<T>): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const lost = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(Object.assign(new Error(`no answer within ${LANE_HOLD_MS} ms`), { code: 'CONNECTION_DESTROYED' })), LANE_HOLD_MS);
		timer.unref();
	});
	return orUnavailable(() => Promise.race([work, lost])).finally(() => clearTimeout(timer));
}

/**
 * Runs `read` in a transaction as `atlas_reader` with the viewer set locally: every read
 * of publishable data goes through here, so visibility is enforced by the database.
 *
 * The viewer's settings are not awaited before `read` starts: postgres.js sends them and
 * `read`'s first query in one write, so they cost no round trip of their own, and a failed
 * setting fails that query too (the transaction is aborted), never runs it as someone else.
 * BEGIN and COMMIT remain round trips of their own. Sending BEGIN in the same write needs a
 * reserved connection (`sql.reserve()`), and on one that the database terminates
 * postgres.js 3.4.9 leaves the pending queries unsettled (its `begin` races them against
 * the connection's close for that reason): tried, and the portal hung under the
 * connection-dropping resilience test, so not done.
 */
export async function withViewer<T>(
	viewer: Viewer,
	read: (tx: ViewerTransaction, snapshot: ViewerSnapshot) => Promise<T>,
	{ serial = false, aggregate = false }: ViewerOptions = {}
): Promise<T> {
	if (aggregate) return aggregateLane(() => freeLaneAfter(withViewer(viewer, read, { serial })));
	const country = viewer.role === 'partner' ? viewer.country : '';
	if (viewer.role === 'partner' && !/^[A-Z]{3}$/.test(country)) {
		throw new Error('a partner viewer needs an ISO 3166 alpha-3 country');
	}
	const versions = dataVersion();
	// A database that cannot be reached is a 503 the reader can retry, not a 500.
	const result = await orUnavailable(() =>
		database().begin(async (tx) => {
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
			const [answer] = await Promise.all([read(tx, { version }), version]);
			return answer;
		})
	);
	return result as T;
}
