import type postgres from 'postgres';
import { database } from './db.ts';
import { orUnavailable } from './http/database-unavailable.ts';
import { sqlTemplate } from './sql-template.ts';
import becomeViewer from './viewer.sql?raw';

const becomeViewerQuery = sqlTemplate(becomeViewer);

export type ViewerRole = 'public' | 'partner' | 'staff';

/** Who is reading: decides, in the database, which rows are visible. */
export type Viewer =
	| { role: 'public' }
	| { role: 'partner'; country: string }
	| { role: 'staff' };

export const anonymousViewer: Viewer = Object.freeze({ role: 'public' });

/** A transaction in which row-level security applies to `viewer`. */
export type ViewerTransaction = postgres.TransactionSql;

// A reader's request never runs longer than this; tiles and stats set their own bounds.
const statementTimeout = '15s';

/**
 * Runs `read` in a transaction as `atlas_reader` with the viewer set locally: every read
 * of publishable data goes through here, so visibility is enforced by the database.
 */
export async function withViewer<T>(viewer: Viewer, read: (tx: ViewerTransaction) => Promise<T>): Promise<T> {
	const country = viewer.role === 'partner' ? viewer.country : '';
	if (viewer.role === 'partner' && !/^[A-Z]{3}$/.test(country)) {
		throw new Error('a partner viewer needs an ISO 3166 alpha-3 country');
	}
	// A database that cannot be reached is a 503 the reader can retry, not a 500.
	const result = await orUnavailable(() =>
		database().begin(async (tx) => {
			await becomeViewerQuery(tx, { role: viewer.role, country, statement_timeout: statementTimeout });
			return read(tx);
		})
	);
	return result as T;
}
