import type postgres from 'postgres';
import type { Queryable } from './sql-file.ts';

export type SqlParam = postgres.ParameterOrFragment<never> | string | number | boolean | null | Date | Uint8Array | readonly (string | number)[];

export interface ParsedTemplate {
	/** The query's text between slots, comments removed; one more than `names`. */
	strings: string[];
	/** Each slot's name in order of appearance (a name used twice appears twice). */
	names: string[];
}

const WORD = /[A-Za-z0-9_$]/;
const SLOT = /^:([A-Za-z_][A-Za-z0-9_]*)/;
const DOLLAR_TAG = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/;

/**
 * Splits a `.sql` file at its named slots (`:name`). Only query text is read for slots:
 * string literals ('a--b', E'it\'s'), quoted identifiers ("a:b"), dollar-quoted bodies
 * ($$..$$, $fn$..$fn$) and casts (`::int`) pass through untouched; comments (`--` and
 * nested block comments) are dropped, so a header comment naming `:filter` is no slot.
 */
export function parseSqlTemplate(file: string): ParsedTemplate {
	const strings: string[] = [];
	const names: string[] = [];
	let text = '';
	let i = 0;
	const copyQuoted = (quote: string, backslashEscapes: boolean) => {
		let j = i + 1;
		while (j < file.length) {
			if (backslashEscapes && file[j] === '\\') j += 2;
			else if (file[j] === quote && file[j + 1] === quote) j += 2;
			else if (file[j] === quote) break;
			else j += 1;
		}
		if (j >= file.length) throw new Error(`sql template: unterminated ${quote} quote`);
		text += file.slice(i, j + 1);
		i = j + 1;
	};
	while (i < file.length) {
		const c = file[i];
		const rest = () => file.slice(i);
		if (c === '-' && file[i + 1] === '-') {
			const end = file.indexOf('\n', i);
			i = end === -1 ? file.length : end;
			text += ' ';
		} else if (c === '/' && file[i + 1] === '*') {
			// PostgreSQL block comments nest.
			let depth = 0;
			do {
				if (file.startsWith('/*', i)) (depth += 1), (i += 2);
				else if (file.startsWith('*/', i)) (depth -= 1), (i += 2);
				else if (i >= file.length) throw new Error('sql template: unterminated block comment');
				else i += 1;
			} while (depth > 0);
			text += ' ';
		} else if (c === "'") {
			const prefix = file[i - 1];
			const escaped = (prefix === 'E' || prefix === 'e') && !WORD.test(file[i - 2] ?? '');
			copyQuoted("'", escaped);
		} else if (c === '"') {
			copyQuoted('"', false);
		} else if (c === '$' && !WORD.test(file[i - 1] ?? '') && DOLLAR_TAG.test(rest())) {
			const tag = DOLLAR_TAG.exec(rest())![0];
			const end = file.indexOf(tag, i + tag.length);
			if (end === -1) throw new Error(`sql template: unterminated ${tag} quote`);
			text += file.slice(i, end + tag.length);
			i = end + tag.length;
		} else if (c === ':' && file[i + 1] === ':') {
			text += '::';
			i += 2;
		} else if (c === ':' && !WORD.test(file[i - 1] ?? '') && SLOT.test(rest())) {
			const [slot, name] = SLOT.exec(rest())!;
			strings.push(text);
			names.push(name);
			text = '';
			i += slot.length;
		} else {
			text += c;
			i += 1;
		}
	}
	strings.push(text);
	return { strings, names };
}

/**
 * The one way to run a `.sql` file: its named slots (`:name`) become a postgres.js
 * tagged-template call, so every value is sent as a bound parameter, or spliced as a
 * postgres.js fragment (such as the Filter's WHERE clause), never as text. The call itself
 * is a fragment too, so one file's query can fill another's slot (a tile layer's rows
 * inside its encoder).
 */
export function sqlTemplate<Row extends object = postgres.Row>(file: string) {
	const { strings, names } = parseSqlTemplate(file);
	const template = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
	return <R extends object = Row>(db: Queryable, values: Record<string, SqlParam> = {}): postgres.PendingQuery<R[]> => {
		const missing = names.filter((name) => !(name in values));
		if (missing.length) throw new Error(`sql template: no value for ${[...new Set(missing)].join(', ')}`);
		return db(template, ...(names.map((name) => values[name]) as never[])) as unknown as postgres.PendingQuery<R[]>;
	};
}
