import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import { translate, type Locale, type MessageKey } from '$lib/i18n/index.ts';
import type { ExportColumnDescription, ExportMetadata } from '$lib/api/exports.ts';
import { EXPORT_COLUMNS } from '$lib/exports/export-columns.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';

// The terms the downloads are offered under. One place, so the sidecar, the GeoJSON and the
// dictionary page cannot disagree.
export const DATA_LICENCE = Object.freeze({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });

/** Every exported column in the reader's language: the dictionary page and the metadata. */
export function describeColumns(locale: Locale): ExportColumnDescription[] {
	return EXPORT_COLUMNS.map((column) => ({
		name: column.name,
		type: column.type,
		meaning: translate(locale, `exports.column.${column.name}` as MessageKey),
		example: column.example,
		caveat: column.caveat ? translate(locale, `exports.column.${column.name}.caveat` as MessageKey) : null
	}));
}

export interface ExportContext {
	filter: Filter;
	origin: string;
	locale: Locale;
	release: DataRelease | null;
	dataVersion: string;
	retrievedAt: Date;
	synthetic: boolean;
	rows: number | null;
}

/** What a download holds, where it comes from and how to cite it. */
export function exportMetadata({ filter, origin, locale, release, dataVersion, retrievedAt, synthetic, rows }: ExportContext): ExportMetadata {
	const query = canonicalFilter(filter);
	const suffix = query ? `?${query}` : '';
	const permalink = `${origin}/${suffix}`;
	const title = translate(locale, 'exports.title', { filtered: query ? 'yes' : 'no', query });
	const day = retrievedAt.toISOString().slice(0, 10);
	return {
		title,
		filter,
		query,
		permalink,
		release,
		dataVersion,
		retrievedAt: retrievedAt.toISOString(),
		licence: DATA_LICENCE,
		citation: translate(locale, 'exports.citation', { title, permalink, release: release ? String(release.number) : 'none', date: day }),
		demoNotice: synthetic ? translate(locale, 'demo.body') : null,
		rows,
		columns: describeColumns(locale),
		downloads: {
			csv: `${origin}/api/export.csv${suffix}`,
			geojson: `${origin}/api/export.geojson${suffix}`,
			metadata: `${origin}/api/export.json${suffix}`
		}
	};
}
