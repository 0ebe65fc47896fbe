// What an import can find wrong, as codes: each is a catalogue message
// (`import.problem.<code>`, src/lib/i18n/messages/import.*.json) filled with its params, so
// a report reads in the reader's language. Row 0 is the file as a whole; row 1 is a CSV's
// header; data rows are numbered as a spreadsheet shows them (the first is row 2), GeoJSON
// features from 1.
export const IMPORT_PROBLEM_CODES = [
	// the file
	'too_large', 'empty_file', 'not_utf8', 'binary_file', 'image_file', 'csv_syntax', 'geojson_syntax',
	'not_feature_collection', 'missing_column', 'unknown_column', 'duplicate_column', 'too_many_problems',
	// one value
	'required', 'too_long', 'control_character', 'not_allowed', 'country_format', 'unknown_country', 'not_number',
	'latitude_range', 'longitude_range', 'date_format', 'year_zero', 'no_such_month', 'no_such_day', 'future_date',
	'year_range', 'not_count', 'bad_url', 'not_point',
	// a row against the file or the database
	'duplicate_id', 'inconsistent', 'outside_country', 'swapped_coordinates', 'unknown_party', 'ambiguous_party',
	'stored_differs',
	// the run
	'database_fault'
] as const;

export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export interface ImportProblem {
	row: number;
	/** The column (or '' for the file or row as a whole). */
	column: string;
	/** The value as found, shortened and with control characters made visible. */
	value: string;
	code: ImportProblemCode;
	params: Record<string, string | number>;
}

/** A value as a report shows it: control characters as \u escapes, at most 60 characters. */
export function shownValue(value: string): string {
	const visible = value.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
	return visible.length > 60 ? `${visible.slice(0, 60)}…` : visible;
}

export function problem(row: number, column: string, value: string, code: ImportProblemCode, params: Record<string, string | number> = {}): ImportProblem {
	return { row, column, value: shownValue(value), code, params };
}
