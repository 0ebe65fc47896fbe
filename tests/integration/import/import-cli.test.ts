// `npm run import` (db/import-cli.ts) as staff run it: exit 0 for a clean file, 1 for
// problems, 2 for usage; and a commit killed while it writes leaves nothing written.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { fixture, forgetImported, storedCounts, tempDir, writeLargeCsv } from './import-files.ts';

interface Run {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
}

/** Runs the CLI on `url`; `onOutput` may kill it (it gets each stdout chunk and the child). */
function importCli(url: string, args: string[], onOutput?: (text: string, kill: () => void) => void): Promise<Run> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/bench/app-import-hooks.mjs', 'db/import-cli.ts', ...args], {
			env: { ...process.env, DATABASE_URL: url },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => {
			stdout += chunk;
			onOutput?.(stdout, () => child.kill('SIGKILL'));
		});
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('error', reject);
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
}

describeEachBackend('npm run import', (db, backend) => {
	const dir = tempDir();
	afterAll(async () => {
		await forgetImported(db(), ['FIXTURE-KILLED']);
	});

	it('exits 0 for a clean dry run and prints its counts', async () => {
		// A source no other test commits, so its five items are new whatever ran before.
		const run = await importCli(backend.url, [writeLargeCsv(join(dir, 'five.csv'), 5, 'FIXTURE-CLI')]);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/Dry run \d+: 5 rows checked, no problems/);
		expect(run.stdout).toContain('Items: 5 added, 0 unchanged');
	}, 60_000);

	it('exits 1 for a file with problems and prints each by row, column and reason', async () => {
		const run = await importCli(backend.url, [fixture('bad-dates.csv'), '--commit']);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain('Row 3, documented_on "03/04/2021": Not a date: write YYYY-MM-DD, YYYY-MM or YYYY.');
	}, 60_000);

	it('prints the report in French with --lang fr', async () => {
		const run = await importCli(backend.url, [fixture('not-csv.png'), '--lang', 'fr']);
		expect(run.code).toBe(1);
		expect(run.stdout).toContain('Fichier: C’est un fichier PNG, pas un fichier CSV ou GeoJSON.');
	}, 60_000);

	it('exits 2 without a file, with a missing file and with an unknown option', async () => {
		const runs = await Promise.all([[], ['no-such-file.csv'], [fixture('clean.csv'), '--force']].map((args) => importCli(backend.url, args)));
		expect(runs.map((run) => run.code)).toEqual([2, 2, 2]);
		expect(runs.map((run) => run.stderr.split('\n')[0])).toEqual(['no file given', 'no-such-file.csv: no such file', expect.stringContaining('--force')]);
	}, 60_000);

	it('writes nothing when killed (SIGKILL) in the middle of its one write transaction', async () => {
		const path = writeLargeCsv(join(dir, 'large.csv'), 30_000, 'FIXTURE-KILLED');
		const before = await storedCounts(db());
		let killedWhile = '';
		const run = await importCli(backend.url, [path, '--commit'], (stdout, kill) => {
			// The phase line comes before the first batch; the bar's lines (stderr) follow.
			if (!killedWhile && stdout.includes('Writing every row in one transaction')) {
				killedWhile = 'writing';
				setTimeout(kill, 300);
			}
		});
		expect(killedWhile).toBe('writing');
		expect(run.signal).toBe('SIGKILL');
		// The database notices the vanished client and rolls its transaction back.
		await expect.poll(async () => (await db()`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'diversion-atlas-cli' AND state <> 'idle'`.catch(() => [{ n: 0 }]))[0].n, { timeout: 15_000 }).toBe(0);
		expect(await storedCounts(db())).toEqual(before);
		const [report] = await db()`SELECT status FROM atlas.import_reports WHERE file_name = 'large.csv' ORDER BY id DESC LIMIT 1`;
		// Closed inside the write transaction, so a killed run's report is never 'committed'.
		expect(report.status).toBe('running');
	}, 120_000);
});
