// Opt-in statement trace for the benchmark harness (tests/bench/lib/raw-sql.mjs): with
// ATLAS_SQL_TRACE=<file>, every statement the web client sends is appended to that file as
// one JSON line { connection, query, parameters, types }, so the bench can replay exactly
// what an endpoint ran from a bare client and compare the two times. Unset (always, outside
// a bench run) it is no hook at all. Appended synchronously: the bench reads the file right
// after each answer and must find that request's statements already there.
import { appendFileSync } from 'node:fs';

/** postgres.js's `debug` option: called once per statement as it is sent. */
export type StatementHook = (connection: number, query: string, parameters: unknown[], types: unknown[]) => void;

export function sqlTraceHook(file: string | undefined = process.env.ATLAS_SQL_TRACE): StatementHook | undefined {
	if (!file) return undefined;
	// BigInt has no JSON form; the replay binds it as text, as postgres.js would.
	const plain = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
	return (connection, query, parameters, types) => appendFileSync(file, `${JSON.stringify({ connection, query, parameters, types }, plain)}\n`);
}
