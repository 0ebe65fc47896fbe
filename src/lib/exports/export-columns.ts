// The columns of the item downloads (/api/export.csv, /api/export.geojson), in their order:
// the one list the export writes, its metadata's dictionary and the /data/dictionary page
// all read, so a column cannot be exported undocumented. Each column's meaning (and caveat,
// where it has one) is in the catalogues under `exports.column.<name>` (and `….caveat`);
// the SQL (src/lib/server/exports/export-items.sql) returns exactly these names.

/** How a column's values are written: a list is `;`-separated in CSV and an array in GeoJSON. */
export type ExportColumnType = 'integer' | 'decimal' | 'text' | 'date' | 'boolean' | 'list';

export interface ExportColumn {
	name: string;
	type: ExportColumnType;
	/** A value as it appears in the CSV (demo data). */
	example: string;
	/** Whether the catalogues carry `exports.column.<name>.caveat`. */
	caveat: boolean;
}

const column = (name: string, type: ExportColumnType, example: string, caveat = false): ExportColumn => ({ name, type, example, caveat });

export const EXPORT_COLUMNS: readonly ExportColumn[] = Object.freeze([
	column('item_id', 'integer', '48213'),
	column('record_url', 'text', 'https://atlas.example/items/48213'),
	column('category', 'text', 'weapon'),
	column('item_type', 'text', 'assault rifle'),
	column('model', 'text', 'AKM', true),
	column('calibre', 'text', '7.62 × 39 mm', true),
	column('quantity', 'integer', '1'),
	column('marking_state', 'text', 'intact'),
	column('serial_number', 'text', '1984123', true),
	column('made_in_iso3', 'text', 'RUS', true),
	column('made_in', 'text', 'Russia', true),
	column('manufacturer', 'text', 'Izhmash', true),
	column('year_made', 'integer', '1984', true),
	column('documented_on', 'date', '2017-03-14', true),
	column('documented_on_precision', 'text', 'day'),
	column('site_id', 'integer', '512'),
	column('site_name', 'text', 'Mosul'),
	column('site_precision', 'text', 'town', true),
	column('recovered_in_iso3', 'text', 'IRQ'),
	column('recovered_in', 'text', 'Iraq'),
	column('longitude', 'decimal', '43.11889', true),
	column('latitude', 'decimal', '36.335', true),
	column('trace_outcome', 'list', 'permissive', true),
	column('case_ids', 'list', '12;40', true),
	column('consignment_id', 'integer', '7', true),
	column('synthetic', 'boolean', 'true', true)
]);

export const EXPORT_COLUMN_NAMES: readonly string[] = EXPORT_COLUMNS.map((c) => c.name);
