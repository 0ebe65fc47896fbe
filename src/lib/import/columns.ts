// The import template's columns: one row per documented item, with its documentation event,
// its site and its source. One list drives the downloadable template, its documentation
// page and the header check, so the three cannot disagree. Closed vocabularies come from
// the domain's one list (src/lib/domain/vocabulary.ts), countries from ISO3_CODES.
import {
	CONSTRUCTION_NOTES, DOCUMENTATION_CONTEXTS, ITEM_CATEGORIES, LOCATION_PRECISIONS, MARKING_STATES, SOURCE_KINDS,
	VERIFICATION_STATES
} from '../domain/vocabulary.ts';

export type ImportColumnType = 'id' | 'text' | 'country' | 'latitude' | 'longitude' | 'date' | 'year' | 'count' | 'choice' | 'choices' | 'url';

export interface ImportColumn {
	name: string;
	type: ImportColumnType;
	required: boolean;
	/** The closed list of a `choice` or `choices` column. */
	allowed?: readonly string[];
	/** A value in the template's example row. */
	example: string;
	/**
	 * GeoJSON features give the point as their geometry, so these columns are read from the
	 * geometry rather than the properties there.
	 */
	fromGeometry?: boolean;
}

export const IMPORT_COLUMNS = [
	{ name: 'source_id', type: 'id', required: true, example: 'FT-2024' },
	{ name: 'source_name', type: 'text', required: true, example: 'Field team, Sahel 2024' },
	{ name: 'source_kind', type: 'choice', required: true, allowed: SOURCE_KINDS, example: 'field_team' },
	{ name: 'source_citation', type: 'text', required: false, example: 'Field documentation, Gao, March 2024' },
	{ name: 'source_url', type: 'url', required: false, example: '' },
	{ name: 'site_id', type: 'id', required: true, example: 'GAO-01' },
	{ name: 'site_name', type: 'text', required: true, example: 'Gao' },
	{ name: 'country', type: 'country', required: true, example: 'MLI' },
	{ name: 'latitude', type: 'latitude', required: true, example: '16.2717', fromGeometry: true },
	{ name: 'longitude', type: 'longitude', required: true, example: '-0.0447', fromGeometry: true },
	{ name: 'location_precision', type: 'choice', required: false, allowed: LOCATION_PRECISIONS, example: 'town' },
	{ name: 'event_id', type: 'id', required: true, example: 'GAO-01-2024-03' },
	{ name: 'documented_on', type: 'date', required: true, example: '2024-03' },
	{ name: 'context', type: 'choice', required: true, allowed: DOCUMENTATION_CONTEXTS, example: 'seized' },
	{ name: 'verification', type: 'choice', required: false, allowed: VERIFICATION_STATES, example: 'unverified' },
	{ name: 'holding_party', type: 'text', required: false, example: '' },
	{ name: 'event_notes', type: 'text', required: false, example: '' },
	{ name: 'item_id', type: 'id', required: true, example: 'GAO-01-2024-03-001' },
	{ name: 'category', type: 'choice', required: true, allowed: ITEM_CATEGORIES, example: 'weapon' },
	{ name: 'item_type', type: 'text', required: true, example: 'assault rifle' },
	{ name: 'model', type: 'text', required: false, example: 'Type 56-1' },
	{ name: 'calibre', type: 'text', required: false, example: '7.62 x 39 mm' },
	{ name: 'manufacturer', type: 'text', required: false, example: '' },
	{ name: 'made_in', type: 'country', required: false, example: 'CHN' },
	{ name: 'year_made', type: 'year', required: false, example: '2011' },
	{ name: 'serial_number', type: 'text', required: false, example: '56-1 2327520' },
	{ name: 'lot_number', type: 'text', required: false, example: '' },
	{ name: 'factory_code', type: 'text', required: false, example: '66' },
	{ name: 'import_mark', type: 'text', required: false, example: '' },
	{ name: 'marking_state', type: 'choice', required: false, allowed: MARKING_STATES, example: 'intact' },
	{ name: 'construction', type: 'choices', required: false, allowed: CONSTRUCTION_NOTES, example: '' },
	{ name: 'quantity', type: 'count', required: false, example: '1' }
] as const satisfies readonly ImportColumn[];

export type ImportColumnName = (typeof IMPORT_COLUMNS)[number]['name'];

export const IMPORT_COLUMN_NAMES: readonly ImportColumnName[] = IMPORT_COLUMNS.map((column) => column.name);

/** Files larger than this are refused before they are read (see README, import). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

/** Photos larger than this are refused. */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;
