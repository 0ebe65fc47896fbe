// npm run import -- <file.csv|file.geojson> [--commit] [--lang fr]
// Runs the staff import pipeline (src/lib/server/import/run-import.ts, the same one as
// /admin/import) against DATABASE_URL or the embedded database in DATA_DIR: a dry run by
// default, which writes nothing but its report; --commit writes every row in one
// transaction, or none. Exit status: 0 checked or committed, 1 problems (or a failed run),
// 2 usage (no file, an unreadable file, an unknown option).
import { SingleBar } from 'cli-progress';
import { existsSync, statSync } from 'node:fs';
import { userInfo } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale, translate, type Locale, type MessageKey } from '../src/lib/i18n/index.ts';
import { runImport, type ImportPhase } from '../src/lib/server/import/run-import.ts';
import { withDatabase } from './database.ts';
import { migrate } from './migrate.ts';

function usage(message: string): never {
	console.error(`${message}\nusage: npm run import -- <file.csv|file.geojson> [--commit] [--lang en|fr]`);
	process.exit(2);
}

let parsed;
try {
	parsed = parseArgs({ allowPositionals: true, options: { commit: { type: 'boolean' }, lang: { type: 'string' }, actor: { type: 'string' } } });
} catch (error) {
	usage((error as Error).message);
}
const { values, positionals } = parsed;
if (positionals.length !== 1) usage(positionals.length ? 'one file at a time' : 'no file given');
const path = resolve(positionals[0]);
if (!existsSync(path) || !statSync(path).isFile()) usage(`${positionals[0]}: no such file`);
const locale: Locale = values.lang && isLocale(values.lang) ? values.lang : 'en';
const t = (key: string, params: Record<string, string | number> = {}) => translate(locale, key as MessageKey, params);
const actor = values.actor ?? `cli:${userInfo().username}`;

let status = 1;
await withDatabase(async (sql) => {
	await migrate(sql);
	const bar = new SingleBar({
		format: '  {phase} [{bar}] {percentage}% | {value}/{total} {unit}',
		barCompleteChar: '#', barIncompleteChar: '.', hideCursor: true, noTTYOutput: true, notTTYSchedule: 1000
	});
	let shown: ImportPhase | null = null;
	const outcome = await runImport(sql, {
		path, fileName: basename(path), actor, mode: values.commit ? 'commit' : 'dry_run',
		onProgress: ({ phase, rows, total, bytes, totalBytes }) => {
			if (phase !== shown) {
				if (shown) bar.stop();
				shown = phase;
				// A line of its own per phase, also when the output is not a terminal.
				console.log(t(`import.cli.phase.${phase}`));
				if (phase === 'reading') bar.start(totalBytes, 0, { phase, unit: 'bytes' });
				else bar.start(total ?? 0, 0, { phase, unit: 'rows' });
			}
			bar.update(phase === 'reading' ? bytes : rows);
		}
	});
	if (shown) bar.stop();
	const kinds = ['source', 'site', 'event', 'item'] as const;
	console.log(t(`import.cli.status.${outcome.status}`, { id: outcome.reportId, rows: outcome.rows }));
	for (const kind of kinds) {
		const { added, unchanged } = outcome.counts[kind];
		console.log(`  ${t(`import.kind.${kind}`)}: ${t('import.counts', { added, unchanged })}`);
	}
	for (const p of outcome.problems.slice(0, 200)) {
		const at = p.row === 0 ? t('import.report.file') : `${t('import.report.row')} ${p.row}`;
		const where = p.column ? `${at}, ${p.column}` : at;
		const value = p.value ? ` "${p.value}"` : '';
		console.log(`  ${where}${value}: ${t(`import.problem.${p.code}`, { ...p.params, value: p.value, column: p.column })}`);
	}
	if (outcome.problemCount > 200) console.log(`  ${t('import.report.more', { count: outcome.problemCount - 200 })}`);
	status = outcome.status === 'checked' || outcome.status === 'committed' ? 0 : 1;
});
process.exit(status);
