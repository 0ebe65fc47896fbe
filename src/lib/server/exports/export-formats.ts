import { stringify } from 'csv-stringify/sync';
import type { ExportMetadata } from '$lib/api/exports.ts';
import { EXPORT_COLUMNS, EXPORT_COLUMN_NAMES } from '$lib/exports/export-columns.ts';
import { spreadsheetText } from '$lib/exports/spreadsheet-text.ts';
import type { ExportedItem } from './item-rows.ts';

const encoder = new TextEncoder();
const LIST_SEPARATOR = ';';
const listColumns = new Set(EXPORT_COLUMNS.filter((c) => c.type === 'list').map((c) => c.name));

/** A column's value as a CSV cell: lists `;`-joined, booleans as words, text defused for spreadsheets. */
function csvValue(name: string, value: unknown): string | number | null {
	if (value === null || value === undefined) return null;
	if (listColumns.has(name)) return (value as unknown[]).join(LIST_SEPARATOR);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') return value;
	return spreadsheetText(String(value));
}

/**
 * Item batches to CSV bytes (RFC 4180 quoting by csv-stringify): a byte-order mark so
 * spreadsheets read UTF-8, the header of EXPORT_COLUMNS, then one line per item. Each batch
 * is written as it comes, so memory holds one batch, never the file.
 */
export function csvBytes(): TransformStream<ExportedItem[], Uint8Array> {
	let first = true;
	return new TransformStream({
		transform(items, controller) {
			const records = items.map((item) => EXPORT_COLUMN_NAMES.map((name) => csvValue(name, item[name])));
			const text = stringify(records, { header: first, columns: [...EXPORT_COLUMN_NAMES], record_delimiter: '\r\n' });
			controller.enqueue(encoder.encode(first ? `\ufeff${text}` : text));
			first = false;
		},
		flush(controller) {
			// No item: the header alone still says what the columns are.
			if (first) controller.enqueue(encoder.encode(`\ufeff${stringify([], { header: true, columns: [...EXPORT_COLUMN_NAMES], record_delimiter: '\r\n' })}`));
		}
	});
}

function feature(item: ExportedItem): GeoJSON.Feature {
	const geometry: GeoJSON.Point | null = item.longitude === null || item.latitude === null ? null : { type: 'Point', coordinates: [item.longitude, item.latitude] };
	const properties: Record<string, unknown> = {};
	for (const name of EXPORT_COLUMN_NAMES) properties[name] = item[name] ?? null;
	return { type: 'Feature', id: item.item_id, geometry: geometry as GeoJSON.Point, properties };
}

/**
 * Item batches to one GeoJSON FeatureCollection (RFC 7946), written as it streams: the
 * `metadata` member first (a reader sees what the file is before its features), then the
 * features, then the closing brackets.
 */
export function geojsonBytes(metadata: ExportMetadata): TransformStream<ExportedItem[], Uint8Array> {
	let written = 0;
	return new TransformStream({
		start(controller) {
			controller.enqueue(encoder.encode(`{"type":"FeatureCollection","metadata":${JSON.stringify(metadata)},"features":[`));
		},
		transform(items, controller) {
			const text = items.map((item) => JSON.stringify(feature(item))).join(',');
			controller.enqueue(encoder.encode(written === 0 ? text : `,${text}`));
			written += items.length;
		},
		flush(controller) {
			controller.enqueue(encoder.encode(']}\n'));
		}
	});
}
