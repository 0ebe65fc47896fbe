// The one import pipeline, for the command line and /admin/import alike: read the file
// (streamed), check every row, check the rows against the database, and only then — for a
// commit with no problem at all — write everything in one transaction. Each run is an
// import report (atlas.import_reports) opened before reading, so its progress can be
// followed, and closed with its counts and every problem.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type postgres from 'postgres';
import { problem, type ImportProblem } from '$lib/import/problems.ts';
import { sqlTemplate } from '../sql-template.ts';
import { setAuditActor } from '../auth/audit-actor.ts';
import { checkHeader, FileChecks } from './file-checks.ts';
import { readRecords, type ImportFormat } from './read-records.ts';
import reportFinishSql from './report-finish.sql?raw';
import reportProgressSql from './report-progress.sql?raw';
import reportStartSql from './report-start.sql?raw';
import { checkStored, keyOf, type RecordKey } from './stored-checks.ts';
import { recordsOf, writeRecords, type ImportCounts } from './write-import.ts';

const reportStart = sqlTemplate<{ id: number }>(reportStartSql);
const reportProgress = sqlTemplate(reportProgressSql);
const reportFinish = sqlTemplate(reportFinishSql);

export type ImportMode = 'dry_run' | 'commit';
export type ImportStatus = 'checked' | 'problems' | 'committed' | 'failed';
export type ImportPhase = 'reading' | 'checking' | 'writing';

/** A report stores at most this many problems (their total is kept); a page lists them. */
export const MAX_STORED_PROBLEMS = 5000;

export interface ImportProgress {
	phase: ImportPhase;
	/** Rows read, checked or written so far. */
	rows: number;
	/** Of `total` rows (reading: unknown until the end, so bytes tell instead). */
	total: number | null;
	bytes: number;
	totalBytes: number;
}

export interface ImportRequest {
	path: string;
	/** The name the file came with (shown in the report). */
	fileName: string;
	/** Who runs it: an account's email, or `cli:<os user>`. */
	actor: string;
	mode: ImportMode;
	/** The dry run a commit confirms. */
	checked?: number | null;
	onProgress?: (progress: ImportProgress) => void;
}

export interface ImportOutcome {
	reportId: number;
	status: ImportStatus;
	format: ImportFormat | null;
	rows: number;
	counts: ImportCounts;
	problems: ImportProblem[];
	problemCount: number;
}

export async function sha256OfFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

const PROGRESS_EVERY_MS = 400;

/** Opens the report; `done` settles when the run is over (it never rejects). */
export async function startImport(sql: postgres.Sql, request: ImportRequest): Promise<{ reportId: number; done: Promise<ImportOutcome> }> {
	const [{ size }, sha256] = await Promise.all([stat(request.path), sha256OfFile(request.path)]);
	const [{ id }] = await reportStart(sql, {
		file_name: request.fileName.slice(0, 200), sha256, bytes: size, actor: request.actor, mode: request.mode, checked: request.checked ?? null
	});
	return { reportId: id, done: carryOut(sql, id, size, request) };
}

/** Runs the whole pipeline and waits for its outcome. */
export async function runImport(sql: postgres.Sql, request: ImportRequest): Promise<ImportOutcome> {
	return (await startImport(sql, request)).done;
}

const noCounts = (): ImportCounts => ({
	source: { added: 0, unchanged: 0 }, site: { added: 0, unchanged: 0 }, event: { added: 0, unchanged: 0 }, item: { added: 0, unchanged: 0 }
});

async function carryOut(sql: postgres.Sql, reportId: number, totalBytes: number, request: ImportRequest): Promise<ImportOutcome> {
	let lastWrite = 0;
	let bytes = 0;
	const progress = (phase: ImportPhase, rows: number, total: number | null) => {
		request.onProgress?.({ phase, rows, total, bytes, totalBytes });
		const now = Date.now();
		if (phase === 'writing' || now - lastWrite < PROGRESS_EVERY_MS) return;
		lastWrite = now;
		// Best effort: a progress row that does not arrive changes nothing the report says.
		void reportProgress(sql, { id: reportId, phase, processed: rows, bytes_read: bytes }).catch(() => {});
	};
	const finish = async (db: postgres.Sql | postgres.TransactionSql, outcome: Omit<ImportOutcome, 'reportId'>) => {
		await reportFinish(db, {
			id: reportId, status: outcome.status, format: outcome.format, rows_total: outcome.rows, counts: JSON.stringify(outcome.counts),
			problems: JSON.stringify(outcome.problems.slice(0, MAX_STORED_PROBLEMS)), problem_count: outcome.problemCount
		});
		return { reportId, ...outcome };
	};

	let format: ImportFormat | null = null;
	try {
		const checks = new FileChecks();
		let read = 0;
		let stop = false;
		for await (const event of readRecords(request.path, (n) => (bytes = n))) {
			if (event.kind === 'format') format = event.format;
			else if (event.kind === 'problem') checks.problems.push(event.problem);
			else if (event.kind === 'header') {
				const problems = checkHeader(event.columns, format ?? 'csv');
				checks.problems.push(...problems);
				checks.noteHeader(event.columns);
				if (problems.some((p) => p.code === 'missing_column')) stop = true;
			} else if (!stop) {
				checks.add(event.row, event.cells);
				progress('reading', (read += 1), null);
			}
			if (stop) break;
		}
		const rows = checks.rows;
		const fileFault = checks.problems.some((p) => p.row === 0);
		const stored = fileFault || stop
			? { problems: [], parties: new Map<string, number>(), stored: new Set<string>() }
			: await checkStored(sql, rows, (done) => progress('checking', done, rows.length));
		const problems = [...checks.problems, ...stored.problems].sort((a, b) => a.row - b.row);
		const records = recordsOf(rows, stored.parties);
		const counts = noCounts();
		for (const kind of Object.keys(counts) as RecordKey[]) {
			for (const record of records[kind] as { id: string; source?: string }[]) {
				const isStored = stored.stored.has(keyOf(kind, record.source ?? record.id, record.id));
				counts[kind][isStored ? 'unchanged' : 'added'] += 1;
			}
		}
		const rowCount = read;
		if (problems.length > 0 || request.mode === 'dry_run') {
			return await finish(sql, { status: problems.length ? 'problems' : 'checked', format, rows: rowCount, counts, problems, problemCount: problems.length });
		}
		// Every record already stored: a commit that would write nothing opens no transaction.
		if (Object.values(counts).every((count) => count.added === 0)) {
			return await finish(sql, { status: 'committed', format, rows: rowCount, counts, problems: [], problemCount: 0 });
		}
		progress('writing', 0, rows.length);
		await reportProgress(sql, { id: reportId, phase: 'writing', processed: 0, bytes_read: bytes });
		// One transaction: every record and the report's close, or nothing at all.
		return await sql.begin(async (tx) => {
			await setAuditActor(tx, request.actor, `import ${reportId}`);
			const written = await writeRecords(tx, records, (kind, done, total) => {
				if (kind === 'item') progress('writing', done, total);
			});
			return finish(tx, { status: 'committed', format, rows: rowCount, counts: written, problems: [], problemCount: 0 });
		});
	} catch (error) {
		// A database fault (or a bug): the report says the run failed, never a partial write.
		console.error(`[import] report ${reportId} failed:`, (error as Error).message);
		const failed = [problem(0, '', '', 'database_fault')];
		return finish(sql, { status: 'failed', format, rows: 0, counts: noCounts(), problems: failed, problemCount: 1 })
			.catch(() => ({ reportId, status: 'failed' as const, format, rows: 0, counts: noCounts(), problems: failed, problemCount: 1 }));
	}
}
