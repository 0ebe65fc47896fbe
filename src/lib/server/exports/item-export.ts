import { Duplex } from 'node:stream';
import { constants, createBrotliCompress, createGzip } from 'node:zlib';
import { json } from '@sveltejs/kit';
import { canonicalFilter, parseFilter } from '$lib/filter/filter-schema.ts';
import type { Locale } from '$lib/i18n/index.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';
import { downloadName } from '$lib/exports/download-name.ts';
import { badRequest } from '../bad-request.ts';
import { dataVersion } from '../db.ts';
import { chooseCoding, weakened, type Coding } from '../http/compression.ts';
import { answerKey, cacheControl, etagFor, notModified } from '../http/conditional.ts';
import { readPortalFigures } from '../portal-figures.ts';
import { currentRelease } from '../releases/current-release.ts';
import { withViewer, type Viewer } from '../viewer.ts';
import { exportMetadata } from './export-metadata.ts';
import { csvBytes, geojsonBytes } from './export-formats.ts';
import { exportedItemCount, exportedItems } from './item-rows.ts';
import { streamedRows } from './streamed-read.ts';

export type ExportFormat = 'csv' | 'geojson' | 'metadata';

interface ExportRequest {
	url: URL;
	request: Request;
	locals: { viewer: Viewer; locale: Locale };
}

const contentTypes: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	geojson: 'application/geo+json',
	metadata: 'application/json'
};

// Streamed bodies are compressed as they go (compression.ts compresses whole bodies, which a
// download of any size must never be): the same codings, brotli at the same quality.
const compressors: Record<Coding, () => ReadableWritablePair<Uint8Array, Uint8Array>> = {
	br: () => Duplex.toWeb(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })) as ReadableWritablePair<Uint8Array, Uint8Array>,
	gzip: () => Duplex.toWeb(createGzip()) as ReadableWritablePair<Uint8Array, Uint8Array>
};

function attachment(filename: string): string {
	return `attachment; filename="${filename}"`;
}

/**
 * /api/export.csv, /api/export.geojson and their sidecar /api/export.json: every item the
 * Filter selects, as the viewer may see it, streamed from a cursor (constant memory for any
 * size). A bad Filter is a 400 naming the field; an ETag from the data version, the viewer's
 * partition and the canonical Filter answers If-None-Match with 304 without the database.
 */
export async function itemExport({ url, request, locals }: ExportRequest, format: ExportFormat): Promise<Response> {
	const parsed = parseFilter(url.searchParams);
	if (!parsed.ok) return badRequest(parsed.error, parsed.field);
	const filter = parsed.filter;
	const tagOf = (version: string) => etagFor(answerKey(version, locals.viewer, url.pathname, canonicalFilter(filter)));
	const common = { vary: 'accept-encoding', 'cache-control': cacheControl(locals.viewer) };
	const known = dataVersion().current();
	if (known !== null && notModified(request.headers.get('if-none-match'), tagOf(known))) {
		return new Response(null, { status: 304, headers: { ...common, etag: tagOf(known) } });
	}

	const retrievedAt = new Date();
	const context = (version: string, release: DataRelease | null, synthetic: boolean, rows: number | null) =>
		exportMetadata({ filter, origin: url.origin, locale: locals.locale, release, dataVersion: version, retrievedAt, synthetic, rows });
	const figures = readPortalFigures(locals.viewer);
	// The release the rows belong to (null before the first publish), cached per data version.
	const release = currentRelease(locals.viewer);

	if (format === 'metadata') {
		const [{ version, rows }, { synthetic }, pinned] = await Promise.all([
			withViewer(locals.viewer, async (tx, snapshot) => ({ rows: await exportedItemCount(tx, filter), version: await snapshot.version }), { aggregate: true }),
			figures,
			release
		]);
		return json(context(version, pinned, synthetic, rows), { headers: { ...common, etag: tagOf(version) } });
	}

	// Read before the stream opens, not beside it: the embedded database is one session, which
	// the stream's transaction holds until its last row, so a read waiting for it there would
	// wait for ever.
	const [{ synthetic }, pinned] = await Promise.all([figures, release]);
	const { version, batches } = await streamedRows(locals.viewer, (tx) => exportedItems(tx, filter, url.origin), { path: url.pathname });
	let body = batches.pipeThrough(format === 'csv' ? csvBytes() : geojsonBytes(context(version, pinned, synthetic, null)));
	const coding = chooseCoding(request.headers.get('accept-encoding'));
	if (coding) body = body.pipeThrough(compressors[coding]());
	const etag = tagOf(version);
	return new Response(body, {
		headers: {
			...common,
			'content-type': contentTypes[format],
			'content-disposition': attachment(downloadName('items', filter, pinned, retrievedAt, format)),
			etag: coding ? weakened(etag) : etag,
			...(coding ? { 'content-encoding': coding } : {})
		}
	});
}

