// OpenAPI paths of the item downloads; the column list is the dictionary's.
import { EXPORT_COLUMN_NAMES } from '$lib/exports/export-columns.ts';
import { badRequestResponse, filterParameters } from './filter-parameters.ts';

const columns = `Columns (documented at /data/dictionary): ${EXPORT_COLUMN_NAMES.join(', ')}.`;
const streamed = 'Every item the Filter selects, public rows only, streamed (no paging); gzip or brotli when accepted; Content-Disposition names the file after the Filter, release and day; ETag from the data version (If-None-Match answers 304).';
const download = (summary: string, description: string, type: string) => ({
	get: {
		summary,
		description: `${streamed} ${description}`,
		parameters: filterParameters,
		responses: { '200': { description: 'The download.', content: { [type]: {} } }, '304': { description: 'Not modified.' }, '400': badRequestResponse }
	}
});

export const exportPaths = {
	'/api/export.csv': download('The items of a view as CSV.', `${columns} Lists are separated by semicolons. Its metadata: /api/export.json.`, 'text/csv'),
	'/api/export.geojson': download('The items of a view as GeoJSON points.', `${columns} Each feature's properties; its point is the recovery site. The top-level metadata member is /api/export.json's.`, 'application/geo+json'),
	'/api/export.json': {
		get: {
			summary: 'What the CSV download of a view holds.',
			description: 'Filter, canonical query, permalink, data release, data version, retrieval time, licence, citation line, demo notice, row count and the column dictionary.',
			parameters: filterParameters,
			responses: { '200': { description: 'The metadata.', content: { 'application/json': {} } }, '400': badRequestResponse }
		}
	}
};
