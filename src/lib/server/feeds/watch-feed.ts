import type { DatePrecision } from '$lib/domain/vocabulary.ts';
import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition } from '../filter-sql.ts';
import { sharedRead } from '../http/shared-read.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import watchFeedSql from './watch-feed.sql?raw';

/** One newly published item or case of a watch feed (columns of watch-feed.sql). */
export type WatchEntry =
	| {
			kind: 'item';
			id: number;
			itemType: string;
			model: string | null;
			site: string;
			country: string;
			documentedOn: string;
			documentedOnPrecision: DatePrecision;
			release: number;
			releasedAt: string;
			synthetic: boolean;
	  }
	| {
			kind: 'case';
			id: number;
			title: string;
			summary: string | null;
			country: string;
			/** The case's own publication date (its source's), when known. */
			publishedOn: string | null;
			release: number;
			releasedAt: string;
			synthetic: boolean;
	  };

interface Row {
	kind: 'item' | 'case';
	id: number;
	title: string | null;
	item_type: string | null;
	model: string | null;
	site: string | null;
	country: string;
	documented_on: string | null;
	documented_on_precision: DatePrecision | null;
	summary: string | null;
	case_published_on: string | null;
	release: number;
	released_at: string;
	synthetic: boolean;
}

const watchFeedQuery = sqlTemplate<Row>(watchFeedSql);

/** A feed reader shows the newest; older entries are on the map and in the exports. */
export const WATCH_FEED_LENGTH = 50;

function toEntry(row: Row): WatchEntry {
	const common = { id: row.id, country: row.country, release: row.release, releasedAt: row.released_at, synthetic: row.synthetic };
	return row.kind === 'item'
		? { kind: 'item', ...common, itemType: row.item_type!, model: row.model, site: row.site!, documentedOn: row.documented_on!, documentedOnPrecision: row.documented_on_precision! }
		: { kind: 'case', ...common, title: row.title!, summary: row.summary, publishedOn: row.case_published_on };
}

/** The newest items and cases published that match `filter`, newest release first. */
export async function readWatchEntries(tx: Queryable, filter: Filter, limit = WATCH_FEED_LENGTH): Promise<WatchEntry[]> {
	const rows = await watchFeedQuery(tx, { item_filter: filterCondition(tx, filter), case_filter: filterCondition(tx, filter), limit });
	return rows.map(toEntry);
}

/** The watch feed's entries as `viewer` sees them, read once per data version and filter. */
export function watchEntries(viewer: Viewer, filter: Filter): Promise<WatchEntry[]> {
	return sharedRead(viewer, 'watch-feed', [canonicalFilter(filter)], (tx) => readWatchEntries(tx, filter), { aggregate: true });
}
