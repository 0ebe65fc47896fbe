import type { Filter } from '$lib/filter/filter-schema.ts';
import { filterCondition } from '../filter-sql.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import exportItemsSql from './export-items.sql?raw';
import countItemsSql from './count-items.sql?raw';

/** One exported item as the SQL returns it: the columns of EXPORT_COLUMNS. */
export interface ExportedItem {
	item_id: number;
	record_url: string;
	longitude: number | null;
	latitude: number | null;
	trace_outcome: string[];
	case_ids: number[];
	[column: string]: unknown;
}

const exportItemsQuery = sqlTemplate<ExportedItem>(exportItemsSql);
const countItemsQuery = sqlTemplate<{ items: number }>(countItemsSql);

/** The items the Filter selects, in item order, as the transaction's viewer may see them. */
export function exportedItems(tx: Queryable, filter: Filter, origin: string) {
	return exportItemsQuery(tx, { filter: filterCondition(tx, filter), record_base: `${origin}/items/` });
}

/** How many rows the export of this Filter holds (the sidecar's `rows`). */
export async function exportedItemCount(tx: Queryable, filter: Filter): Promise<number> {
	const [{ items }] = await countItemsQuery(tx, { filter: filterCondition(tx, filter) });
	return items;
}
