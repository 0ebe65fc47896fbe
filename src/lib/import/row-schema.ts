// One import row, checked by one zod schema built from the template's columns
// (./columns.ts). Each refusal carries a problem code and its params (./problems.ts), like
// the Filter's (src/lib/filter/filter-schema.ts), whose calendar and country checks it reuses.
import { z } from 'zod';
import { daysInMonth, MAX_TEXT } from '../filter/filter-schema.ts';
import { isKnownIso3 } from '../filter/iso3-codes.ts';
import type {
	ConstructionNote, DocumentationContext, ItemCategory, LocationPrecision, MarkingState, SourceKind, StoredDatePrecision,
	VerificationState
} from '../domain/vocabulary.ts';
import { IMPORT_COLUMNS, type ImportColumn, type ImportColumnName } from './columns.ts';
import { problem, type ImportProblem, type ImportProblemCode } from './problems.ts';

/** A documented item as the import writes it; every row arrives as a draft. */
export interface ImportRow {
	source_id: string;
	source_name: string;
	source_kind: SourceKind;
	source_citation: string | null;
	source_url: string | null;
	site_id: string;
	site_name: string;
	country: string;
	latitude: number;
	longitude: number;
	location_precision: LocationPrecision;
	event_id: string;
	/** The first day of what the source gives (a day, a month or a year). */
	documented_on: string;
	/** null when the source gives the day (the convention of migration 012). */
	documented_on_precision: StoredDatePrecision | null;
	context: DocumentationContext;
	verification: VerificationState;
	holding_party: string | null;
	event_notes: string | null;
	item_id: string;
	category: ItemCategory;
	item_type: string;
	model: string | null;
	calibre: string | null;
	manufacturer: string | null;
	made_in: string | null;
	year_made: number | null;
	serial_number: string | null;
	lot_number: string | null;
	factory_code: string | null;
	import_mark: string | null;
	marking_state: MarkingState;
	construction: ConstructionNote[];
	quantity: number;
}

const MAX_NOTES = 2000;
const MAX_ID_TEXT = 80;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const CONTROL_IN_LINE = /[\u0000-\u001f\u007f]/;

type Ctx = z.core.$RefinementCtx<string | undefined>;

function refuse(ctx: Ctx, code: ImportProblemCode, params: Record<string, string | number> = {}): typeof z.NEVER {
	ctx.addIssue({ code: 'custom', message: code, params: { code, params } });
	return z.NEVER;
}

function readDate(text: string, ctx: Ctx, today: string): { on: string; precision: StoredDatePrecision | null } {
	const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
	if (!match) return refuse(ctx, 'date_format');
	const [year, month, day] = [Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1)];
	if (year === 0) return refuse(ctx, 'year_zero');
	if (month < 1 || month > 12) return refuse(ctx, 'no_such_month', { month: match[2] });
	const days = daysInMonth(year, month);
	if (day < 1 || day > days) return refuse(ctx, 'no_such_day', { day, month, year, days });
	const on = `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
	if (on > today) return refuse(ctx, 'future_date', { today });
	return { on, precision: match[3] ? null : match[2] ? 'month' : 'year' };
}

function readNumber(text: string, ctx: Ctx, limit: number, range: ImportProblemCode): number {
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return refuse(ctx, 'not_number');
	const value = Number(text);
	if (Math.abs(value) > limit) return refuse(ctx, range, { limit });
	return value;
}

/** A cell's schema: trimmed text, empty meaning absent; what it becomes depends on its type. */
function cell(column: ImportColumn, today: string) {
	return z
		.string()
		.optional()
		.transform((raw, ctx): unknown => {
			const text = (raw ?? '').trim();
			if (text === '') {
				if (column.required) return refuse(ctx, 'required');
				return column.type === 'choices' ? [] : null;
			}
			const multiline = column.name === 'event_notes' || column.name === 'source_citation';
			if ((multiline ? CONTROL : CONTROL_IN_LINE).test(text)) return refuse(ctx, 'control_character');
			const max = multiline ? MAX_NOTES : column.type === 'id' ? MAX_ID_TEXT : MAX_TEXT * 2;
			if (text.length > max) return refuse(ctx, 'too_long', { max });
			switch (column.type) {
				case 'country': {
					if (!/^[A-Za-z]{3}$/.test(text)) return refuse(ctx, 'country_format');
					const code = text.toUpperCase();
					return isKnownIso3(code) ? code : refuse(ctx, 'unknown_country');
				}
				case 'latitude':
					return readNumber(text, ctx, 90, 'latitude_range');
				case 'longitude':
					return readNumber(text, ctx, 180, 'longitude_range');
				case 'date':
					return readDate(text, ctx, today);
				case 'year': {
					if (!/^\d{4}$/.test(text)) return refuse(ctx, 'year_range', { min: 1850, max: 2100 });
					const year = Number(text);
					return year >= 1850 && year <= 2100 ? year : refuse(ctx, 'year_range', { min: 1850, max: 2100 });
				}
				case 'count': {
					const count = /^\d{1,9}$/.test(text) ? Number(text) : 0;
					return count >= 1 ? count : refuse(ctx, 'not_count');
				}
				case 'choice':
					return column.allowed!.includes(text) ? text : refuse(ctx, 'not_allowed', { allowed: column.allowed!.join(', ') });
				case 'choices': {
					const parts = text.split(';').map((part) => part.trim()).filter(Boolean);
					const wrong = parts.find((part) => !column.allowed!.includes(part));
					if (wrong !== undefined) return refuse(ctx, 'not_allowed', { allowed: column.allowed!.join(', ') });
					return [...new Set(parts)];
				}
				case 'url':
					return /^https?:\/\/[^\s]+$/.test(text) && URL.canParse(text) ? text : refuse(ctx, 'bad_url');
				default:
					return text;
			}
		});
}

const DEFAULTS: Partial<Record<ImportColumnName, unknown>> = {
	location_precision: 'town',
	verification: 'unverified',
	marking_state: 'none',
	quantity: 1
};

/** The schema of one row; `today` (YYYY-MM-DD) bounds documentation dates. */
export function importRowSchema(today: string) {
	const shape = Object.fromEntries(IMPORT_COLUMNS.map((column) => [column.name, cell(column, today)]));
	return z.object(shape).transform((cells): ImportRow => {
		const out: Record<string, unknown> = {};
		for (const [name, value] of Object.entries(cells)) out[name] = value ?? DEFAULTS[name as ImportColumnName] ?? null;
		const date = out.documented_on as { on: string; precision: StoredDatePrecision | null };
		out.documented_on = date.on;
		out.documented_on_precision = date.precision;
		return out as unknown as ImportRow;
	});
}

export type ImportRowResult = { ok: true; row: ImportRow } | { ok: false; problems: ImportProblem[] };

/** Checks one row's cells; `rowNumber` is where the report says it is. */
export function checkRow(schema: ReturnType<typeof importRowSchema>, cells: Record<string, string | undefined>, rowNumber: number): ImportRowResult {
	const result = schema.safeParse(cells);
	if (result.success) return { ok: true, row: result.data };
	const problems = result.error.issues.map((issue) => {
		const column = String(issue.path[0] ?? '');
		const detail = (issue as { params?: { code?: ImportProblemCode; params?: Record<string, string | number> } }).params;
		return problem(rowNumber, column, cells[column] ?? '', detail?.code ?? 'not_allowed', detail?.params ?? {});
	});
	return { ok: false, problems };
}
