// The metadata of an item download: the sidecar /api/export.json and the `metadata` member
// of /api/export.geojson. Enough to say exactly what a file holds and to cite it.
import type { Filter } from '$lib/filter/filter-schema.ts';
import type { DataRelease } from '$lib/releases/data-release.ts';
import type { ExportColumnType } from '$lib/exports/export-columns.ts';

export interface ExportColumnDescription {
	name: string;
	type: ExportColumnType;
	meaning: string;
	example: string;
	caveat: string | null;
}

export interface ExportMetadata {
	title: string;
	/** The Filter the rows match, as parsed (canonical, sorted lists). */
	filter: Filter;
	/** The Filter as a query string (`country=IRQ,SYR`); empty for every item. */
	query: string;
	/** The explorer showing the same view. */
	permalink: string;
	/** The data release the rows belong to; null while no release has been published. */
	release: DataRelease | null;
	/** atlas.data_version the rows were read at (changes with every correction). */
	dataVersion: string;
	retrievedAt: string;
	licence: { name: string; url: string };
	citation: string;
	/** The demo-data notice, while the visible data include synthetic rows; else null. */
	demoNotice: string | null;
	/** How many rows the CSV holds (the sidecar counts them; the GeoJSON's are its features). */
	rows: number | null;
	columns: ExportColumnDescription[];
	/** The download addresses of the same view. */
	downloads: { csv: string; geojson: string; metadata: string };
}
