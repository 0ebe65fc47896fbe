import type postgres from 'postgres';

/** Any postgres.js client or transaction a query can run on. */
export type Queryable = postgres.Sql | postgres.TransactionSql;
export type SqlValue = string | number | boolean | null | Date;

/**
 * Runs the text of a `.sql` file with positional parameters ($1, $2 ...). postgres.js
 * calls this `unsafe` because the *text* is not escaped; the text here is always a file
 * in the repository and every value is sent as a bound parameter, never spliced in.
 */
export function runSqlFile<Row extends object>(
	db: Queryable,
	text: string,
	params: readonly SqlValue[] = []
): Promise<Row[]> {
	return db.unsafe(text, params as SqlValue[], { prepare: true }) as unknown as Promise<Row[]>;
}
