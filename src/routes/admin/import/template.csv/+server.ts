// The import template: the header and one example row, from the one column list.
import { stringify } from 'csv-stringify/sync';
import { IMPORT_COLUMNS } from '$lib/import/columns.ts';
import { requireRole } from '$lib/server/auth/require-role.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ locals, url }) => {
	requireRole(locals, url, 'editor');
	const body = stringify([IMPORT_COLUMNS.map((c) => c.name), IMPORT_COLUMNS.map((c) => c.example)], { record_delimiter: '\r\n' });
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="diversion-atlas-import-template.csv"'
		}
	});
};
