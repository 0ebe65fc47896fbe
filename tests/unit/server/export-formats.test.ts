import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvBytes, geojsonBytes } from '../../../src/lib/server/exports/export-formats.ts';
import type { ExportedItem } from '../../../src/lib/server/exports/item-rows.ts';
import type { ExportMetadata } from '../../../src/lib/api/exports.ts';
import { EXPORT_COLUMN_NAMES } from '../../../src/lib/exports/export-columns.ts';

const item = (over: Partial<ExportedItem>): ExportedItem =>
	({ ...Object.fromEntries(EXPORT_COLUMN_NAMES.map((name) => [name, null])), item_id: 1, record_url: 'http://x/items/1', longitude: -3.5, latitude: 12.25, trace_outcome: [], case_ids: [], ...over }) as ExportedItem;

async function through(transform: TransformStream<ExportedItem[], Uint8Array>, batches: ExportedItem[][]): Promise<string> {
	const source = new ReadableStream<ExportedItem[]>({ start(controller) { batches.forEach((b) => controller.enqueue(b)); controller.close(); } });
	// Decoded keeping a byte-order mark (Response.text() would drop it).
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await new Response(source.pipeThrough(transform)).arrayBuffer());
}

describe('csvBytes writes the items as a spreadsheet reads them', () => {
	it('one header, then a line per item across batches, lists ;-joined, booleans as words', async () => {
		const text = await through(csvBytes(), [[item({ item_id: 1, case_ids: [4, 9], trace_outcome: ['permissive', 'none'], synthetic: true })], [item({ item_id: 2, synthetic: false, site_name: 'Kidal, north' })]]);
		expect(text.startsWith('\ufeff')).toBe(true);
		const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
		expect(rows.map((r) => r.item_id)).toEqual(['1', '2']);
		expect(rows[0]).toMatchObject({ case_ids: '4;9', trace_outcome: 'permissive;none', synthetic: 'true', longitude: '-3.5', model: '' });
		expect(rows[1]).toMatchObject({ site_name: 'Kidal, north', synthetic: 'false', case_ids: '' });
	});

	it('defuses text a spreadsheet would run as a formula, but not negative numbers', async () => {
		const text = await through(csvBytes(), [[item({ serial_number: '=HYPERLINK("x")', longitude: -12.5 })]]);
		const [row] = parse(text, { bom: true, columns: true }) as Record<string, string>[];
		expect(row.serial_number).toBe('\'=HYPERLINK("x")');
		expect(row.longitude).toBe('-12.5');
	});

	it('writes the header alone when no item matches', async () => {
		const text = await through(csvBytes(), []);
		expect(text).toBe(`\ufeff${EXPORT_COLUMN_NAMES.join(',')}\r\n`);
	});
});

describe('geojsonBytes writes one FeatureCollection as it streams', () => {
	it('metadata first, a point feature per item, every column a property', async () => {
		const metadata = { title: 't', query: 'country=MLI' } as unknown as ExportMetadata;
		const text = await through(geojsonBytes(metadata), [[item({ item_id: 7 })], [item({ item_id: 8, longitude: null, latitude: null })]]);
		expect(text.indexOf('"metadata"')).toBeLessThan(text.indexOf('"features"'));
		const collection = JSON.parse(text);
		expect(collection.metadata).toEqual(metadata);
		expect(collection.features.map((f: { id: number }) => f.id)).toEqual([7, 8]);
		expect(collection.features[0].geometry).toEqual({ type: 'Point', coordinates: [-3.5, 12.25] });
		expect(collection.features[1].geometry).toBeNull();
		expect(Object.keys(collection.features[0].properties)).toEqual(EXPORT_COLUMN_NAMES);
	});

	it('is valid with no feature', async () => {
		expect(JSON.parse(await through(geojsonBytes({} as ExportMetadata), [])).features).toEqual([]);
	});
});
