import { sharedRead } from '../http/shared-read.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import dataDateSql from './data-date.sql?raw';

const dataDateQuery = sqlTemplate(dataDateSql);

/** The day (YYYY-MM-DD) the published data last changed, as of the current data version. */
export async function readDataDate(viewer: Viewer): Promise<string> {
	return sharedRead(viewer, 'data-date', [], async (tx) => {
		const [row] = await dataDateQuery<{ changed_on: string }>(tx);
		if (!row) throw new Error('atlas.data_version has no row');
		return row.changed_on;
	});
}
