// Reading import reports (atlas.import_reports, migration 026) for their pages. Staff
// material: callers check the role first (requireRole); the reads run as the owner.
import type { ImportProblem } from '$lib/import/problems.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import reportListSql from './report-list.sql?raw';
import reportReadSql from './report-read.sql?raw';
import type { ImportCounts } from './write-import.ts';

export interface ImportReport {
	id: number;
	file_name: string;
	sha256: string;
	bytes: number;
	format: 'csv' | 'geojson' | null;
	actor: string;
	mode: 'dry_run' | 'commit';
	status: 'running' | 'checked' | 'problems' | 'committed' | 'failed';
	phase: 'reading' | 'checking' | 'writing' | 'done';
	started_at: string;
	finished_at: string | null;
	rows_total: number;
	processed: number;
	bytes_read: number;
	counts: Partial<ImportCounts>;
	problems: ImportProblem[];
	problem_count: number;
	checked_report_id: number | null;
	committed_by: number | null;
}

export type ImportReportLine = Pick<ImportReport, 'id' | 'file_name' | 'actor' | 'mode' | 'status' | 'started_at' | 'rows_total' | 'problem_count'>;

const reportRead = sqlTemplate<ImportReport>(reportReadSql);
const reportList = sqlTemplate<ImportReportLine>(reportListSql);

export async function readImportReport(db: Queryable, id: number): Promise<ImportReport | null> {
	const [report] = await reportRead(db, { id });
	return report ? { ...report, bytes: Number(report.bytes), bytes_read: Number(report.bytes_read) } : null;
}

export async function listImportReports(db: Queryable, limit = 20): Promise<ImportReportLine[]> {
	return reportList(db, { limit });
}
