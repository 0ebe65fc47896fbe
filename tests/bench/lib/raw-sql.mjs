// The endpoint's cost against its raw SQL. The portal runs with ATLAS_SQL_TRACE (see
// src/lib/server/sql-trace.ts), which appends each statement its client sends to a file.
// One request at a time, cold: the bench notes the file's length, asks, then reads that
// request's statements and replays them from a bare postgres.js client inside a
// transaction of its own: the app's own transaction control is left out, its viewer
// settings (set_config) replayed untimed, and only the data statements timed. Each replay
// runs twice where it is quick (the first also parses), and the faster counts. Ratio = endpoint time (first
// byte sent to last byte read, over HTTP) / raw time, per request; medians reported.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import postgres from 'postgres';
import { median, progress, summarise, timedGet } from './measure.mjs';
import { statementKind } from './statements.mjs';

function readTrace(file, from) {
	const text = readFileSync(file, 'utf8').slice(from);
	return text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** Replays `statements` once in a rolled-back transaction; resolves with the data statements' ms. */
async function replay(sql, statements) {
	let ms = 0;
	await sql
		.begin(async (tx) => {
			for (const s of statements) {
				const kind = statementKind(s.query);
				if (kind === 'control') continue;
				const started = performance.now();
				await tx.unsafe(s.query, s.parameters, { prepare: true });
				if (kind === 'data') ms += performance.now() - started;
			}
			throw new RollBack();
		})
		.catch((error) => {
			if (!(error instanceof RollBack)) throw error;
		});
	return ms;
}
class RollBack extends Error {}

/**
 * `requests`: [{ kind, path }]; `traceFile`: the portal's ATLAS_SQL_TRACE file; `dbUrl`:
 * the database, as its owner (the replayed set_config makes the transaction the reader's).
 */
export async function benchRawSql({ url, traceFile, dbUrl, requests, say }) {
	const sql = postgres(dbUrl, { max: 1, onnotice: () => {}, connection: { application_name: 'diversion-atlas-bench-raw' } });
	const rows = [];
	const failures = [];
	let withoutData = 0;
	try {
		for (const [i, r] of requests.entries()) {
			const offset = statSync(traceFile).size;
			const answer = await timedGet(url + r.path);
			const statements = readTrace(traceFile, offset);
			const data = statements.filter((s) => statementKind(s.query) === 'data');
			if (answer.status >= 400) failures.push({ path: r.path, error: `HTTP ${answer.status}` });
			else if (data.length === 0) withoutData++;
			else {
				try {
					// A second run only where parsing and planning could weigh: past 50 ms they do not.
					const first = await replay(sql, statements);
					const raw = first < 50 ? Math.min(first, await replay(sql, statements)) : first;
					rows.push({ kind: r.kind, path: r.path, endpointMs: answer.ms, rawMs: raw, ratio: answer.ms / raw, statements: statements.length, dataStatements: data.length });
				} catch (error) {
					failures.push({ path: r.path, error: String(error.message ?? error).slice(0, 200) });
				}
			}
			progress('  endpoint vs raw SQL', i + 1, requests.length);
		}
	} finally {
		await sql.end();
	}
	const byKind = {};
	for (const kind of [...new Set(rows.map((r) => r.kind))]) {
		const of = rows.filter((r) => r.kind === kind);
		byKind[kind] = {
			n: of.length,
			medianRatio: round2(median(of.map((r) => r.ratio))),
			endpoint: summarise(of.map((r) => r.endpointMs)),
			raw: summarise(of.map((r) => r.rawMs)),
			statementsPerRequest: round2(median(of.map((r) => r.statements))),
			dataStatementsPerRequest: round2(median(of.map((r) => r.dataStatements)))
		};
	}
	const result = {
		measured: rows.length,
		withoutDataStatements: withoutData,
		failures: failures.slice(0, 10),
		failureCount: failures.length,
		medianRatio: round2(median(rows.map((r) => r.ratio))),
		byKind
	};
	say(`  median endpoint / raw SQL: ${result.medianRatio}x over ${rows.length} requests (${withoutData} ran no data statement, ${failures.length} could not be replayed)`);
	return result;
}

const round2 = (v) => (v === null ? null : Math.round(v * 100) / 100);

/** An empty trace file for a portal to append to. */
export function newTraceFile(path) {
	writeFileSync(path, '');
	return path;
}
