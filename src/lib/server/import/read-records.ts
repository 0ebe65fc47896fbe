// Reads an import file as cells, streaming: what kind of file it is (a CSV, GeoJSON, or
// something else such as an image), whether it is UTF-8 (a BOM is fine), and then one record
// at a time. A fault of the file as a whole is a problem at row 0 and ends the reading.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES } from '$lib/import/columns.ts';
import { problem, type ImportProblem } from '$lib/import/problems.ts';

export type ImportFormat = 'csv' | 'geojson';

export type ReadEvent =
	| { kind: 'format'; format: ImportFormat }
	| { kind: 'header'; columns: string[] }
	| { kind: 'record'; row: number; cells: Record<string, string | undefined> }
	| { kind: 'problem'; problem: ImportProblem };

// The first bytes of files staff upload by mistake, so the report can say what it got.
const SIGNATURES: [string, number[]][] = [
	['PNG', [0x89, 0x50, 0x4e, 0x47]],
	['JPEG', [0xff, 0xd8, 0xff]],
	['GIF', [0x47, 0x49, 0x46, 0x38]],
	['PDF', [0x25, 0x50, 0x44, 0x46]],
	['ZIP (XLSX, DOCX)', [0x50, 0x4b, 0x03, 0x04]]
];

const SNIFF_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

async function sniff(path: string): Promise<Buffer> {
	const handle = await open(path, 'r');
	try {
		const buffer = Buffer.alloc(SNIFF_BYTES);
		const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
		return buffer.subarray(0, bytesRead);
	} finally {
		await handle.close();
	}
}

/**
 * Decodes UTF-8 strictly, counting lines, so a file in another encoding (Latin-1, UTF-16,
 * Windows-1252 from a spreadsheet) stops with the line of its first byte that is not UTF-8.
 */
class StrictUtf8 extends Transform {
	#decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
	#line = 1;
	constructor(private onBytes: (bytes: number) => void) {
		super({ readableObjectMode: false, decodeStrings: true });
	}
	#bytes = 0;
	override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: string) => void) {
		let text: string;
		try {
			text = this.#decoder.decode(chunk, { stream: true });
		} catch {
			const lenient = new TextDecoder('utf-8').decode(chunk);
			const before = lenient.slice(0, Math.max(0, lenient.indexOf('\uFFFD')));
			const line = this.#line + (before.match(/\n/g)?.length ?? 0);
			return done(Object.assign(new Error('not utf-8'), { notUtf8: { line } }));
		}
		this.#line += text.match(/\n/g)?.length ?? 0;
		this.#bytes += chunk.length;
		this.onBytes(this.#bytes);
		done(null, text);
	}
	override _flush(done: (error?: Error | null, data?: string) => void) {
		try {
			done(null, this.#decoder.decode());
		} catch {
			done(Object.assign(new Error('not utf-8'), { notUtf8: { line: this.#line } }));
		}
	}
}

const GEOMETRY_COLUMNS: ReadonlySet<string> = new Set(IMPORT_COLUMNS.filter((c) => 'fromGeometry' in c).map((c) => c.name));

function propertyText(value: unknown): string | undefined {
	if (value === null || value === undefined) return undefined;
	if (Array.isArray(value)) return value.join(';');
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

async function* readGeoJson(path: string, onBytes: (bytes: number) => void): AsyncGenerator<ReadEvent> {
	// A FeatureCollection is one JSON value: read whole (files are at most MAX_IMPORT_BYTES).
	let text = '';
	try {
		for await (const chunk of createReadStream(path).pipe(new StrictUtf8(onBytes))) text += chunk;
	} catch (error) {
		yield { kind: 'problem', problem: problem(0, '', '', 'not_utf8', { line: (error as { notUtf8?: { line: number } }).notUtf8?.line ?? 1 }) };
		return;
	}
	let document: unknown;
	try {
		document = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		yield { kind: 'problem', problem: problem(0, '', '', 'geojson_syntax', { detail: String((error as Error).message).slice(0, 120) }) };
		return;
	}
	const features = (document as { type?: unknown; features?: unknown }).features;
	if ((document as { type?: unknown }).type !== 'FeatureCollection' || !Array.isArray(features)) {
		yield { kind: 'problem', problem: problem(0, 'type', String((document as { type?: unknown })?.type ?? ''), 'not_feature_collection') };
		return;
	}
	yield { kind: 'header', columns: [] };
	for (const [index, feature] of features.entries()) {
		const row = index + 1;
		const cells: Record<string, string | undefined> = {};
		const properties = (feature as { properties?: Record<string, unknown> })?.properties ?? {};
		for (const [name, value] of Object.entries(properties)) if (!GEOMETRY_COLUMNS.has(name)) cells[name] = propertyText(value);
		const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } })?.geometry;
		const coordinates = geometry?.coordinates;
		if (geometry?.type !== 'Point' || !Array.isArray(coordinates) || coordinates.length < 2 || !coordinates.slice(0, 2).every((c) => typeof c === 'number' && Number.isFinite(c))) {
			yield { kind: 'problem', problem: problem(row, 'geometry', String(geometry?.type ?? ''), 'not_point') };
			continue;
		}
		cells.longitude = String(coordinates[0]);
		cells.latitude = String(coordinates[1]);
		yield { kind: 'record', row, cells };
	}
}

async function* readCsv(path: string, onBytes: (bytes: number) => void): AsyncGenerator<ReadEvent> {
	const parser = createReadStream(path)
		.pipe(new StrictUtf8(onBytes))
		.on('error', (error) => parser.destroy(error))
		.pipe(parse({ bom: true, skip_empty_lines: true, relax_column_count: true }));
	let header: string[] | undefined;
	let row = 1;
	try {
		for await (const record of parser as AsyncIterable<string[]>) {
			if (!header) {
				header = record.map((name) => name.trim());
				yield { kind: 'header', columns: header };
				continue;
			}
			row += 1;
			if (record.length !== header.length) {
				yield { kind: 'problem', problem: problem(row, '', '', 'csv_syntax', { detail: 'fields', expected: header.length, found: record.length }) };
				continue;
			}
			const cells: Record<string, string> = {};
			header.forEach((name, i) => (cells[name] = record[i]));
			yield { kind: 'record', row, cells };
		}
	} catch (error) {
		const notUtf8 = (error as { notUtf8?: { line: number } }).notUtf8;
		if (notUtf8) {
			yield { kind: 'problem', problem: problem(0, '', '', 'not_utf8', { line: notUtf8.line }) };
			return;
		}
		const line = (error as { lines?: number }).lines ?? row;
		yield { kind: 'problem', problem: problem(line, '', '', 'csv_syntax', { detail: 'quotes', line }) };
		return;
	}
	if (!header) yield { kind: 'problem', problem: problem(0, '', '', 'empty_file') };
}

/** The file's records, or the one problem that stops it from being read. */
export async function* readRecords(path: string, onBytes: (bytes: number) => void = () => {}): AsyncGenerator<ReadEvent> {
	const { size } = await stat(path);
	if (size > MAX_IMPORT_BYTES) {
		yield { kind: 'problem', problem: problem(0, '', '', 'too_large', { bytes: size, max: MAX_IMPORT_BYTES }) };
		return;
	}
	if (size === 0) {
		yield { kind: 'problem', problem: problem(0, '', '', 'empty_file') };
		return;
	}
	const head = await sniff(path);
	const signature = SIGNATURES.find(([, bytes]) => bytes.every((byte, i) => head[i] === byte));
	if (signature) {
		yield { kind: 'problem', problem: problem(0, '', '', 'image_file', { kind: signature[0] }) };
		return;
	}
	if (head.includes(0)) {
		yield { kind: 'problem', problem: problem(0, '', '', 'binary_file') };
		return;
	}
	const start = BOM.every((byte, i) => head[i] === byte) ? 3 : 0;
	const first = head.subarray(start).toString('latin1').trimStart()[0];
	const format: ImportFormat = first === '{' ? 'geojson' : 'csv';
	yield { kind: 'format', format };
	yield* format === 'geojson' ? readGeoJson(path, onBytes) : readCsv(path, onBytes);
}
