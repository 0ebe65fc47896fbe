import type postgres from 'postgres';
import type { Queryable } from './sql-file.ts';

export type SqlParam = postgres.ParameterOrFragment<never> | string | number | boolean | null | Date | readonly (string | number)[];

/**
 * A `.sql` file with named slots (`:name`, never `::cast`) turned into a postgres.js
 * tagged-template call: every slot is sent as a bound parameter, or spliced as a
 * postgres.js fragment (such as the Filter's WHERE clause), never as text.
 */
export function sqlTemplate(file: string) {
	// Header comments name the slots too; they are dropped so only the query's slots count.
	const text = file.replace(/--[^\n]*/g, '');
	const strings: string[] = [];
	const names: string[] = [];
	let last = 0;
	for (const match of text.matchAll(/(?<![:\w]):([a-z_][a-z0-9_]*)/g)) {
		strings.push(text.slice(last, match.index));
		names.push(match[1]);
		last = match.index! + match[0].length;
	}
	strings.push(text.slice(last));
	const template = Object.assign([...strings], { raw: [...strings] }) as unknown as TemplateStringsArray;
	return (db: Queryable, values: Record<string, SqlParam>) => {
		const missing = names.filter((name) => !(name in values));
		if (missing.length) throw new Error(`sql template: no value for ${missing.join(', ')}`);
		return db(template, ...(names.map((name) => values[name]) as never[]));
	};
}
