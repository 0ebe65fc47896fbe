// npm test: installs what the tests need, runs the unit and integration tests (vitest, on
// the embedded PostGIS and on TEST_DATABASE_URL when set), then serves the portal on the
// database the integration tests seeded and runs the end-to-end tests in Debian chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { ensureBuild, ensureChromium, ensureDependencies, root, say } from '../db/setup-steps.mjs';

ensureDependencies();
ensureChromium();
ensureBuild();

const work = mkdtempSync(join(tmpdir(), 'atlas-tests-'));
const env = { ...process.env, ATLAS_TEST_DATA_DIR: join(work, 'data') };
const counts = { passed: 0, failed: 0, skipped: 0 };
// Named again beside the summary, which is often all of a long run's output that is kept.
const failedNames = [];

function runStep(args, extraEnv) {
	const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
	return result.status ?? 1;
}

/**
 * Resolves with the URL the portal says it serves at, once /api/health answers there, or
 * null if it exits or takes longer than `seconds`. Its output still reaches the terminal.
 */
async function servingUrl(portal, seconds) {
	let url = null;
	portal.stdout.on('data', (data) => {
		process.stdout.write(data);
		url ??= /Diversion Atlas is serving at (http:\/\/\S+)/.exec(String(data))?.[1] ?? null;
	});
	for (let i = 0; i < seconds * 2; i++) {
		if (portal.exitCode !== null) return null;
		try {
			if (url && (await fetch(`${url}/api/health`)).ok) return url;
		} catch {
			// not answering yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return null;
}

/** The titles of the Playwright tests whose last result was not the expected one. */
function unexpectedSpecs(report) {
	const names = [];
	const walk = (suite, path) => {
		for (const spec of suite.specs ?? []) {
			for (const test of spec.tests ?? []) {
				if (test.status === 'unexpected') names.push(`${spec.file} › ${[...path, spec.title].join(' › ')}`);
			}
		}
		for (const child of suite.suites ?? []) walk(child, [...path, child.title]);
	};
	for (const suite of report.suites ?? []) walk(suite, []);
	return names;
}

let status = 0;
try {
	say('unit and integration tests (vitest)');
	const vitestReport = join(work, 'vitest.json');
	status |= runStep(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
	if (existsSync(vitestReport)) {
		const report = JSON.parse(readFileSync(vitestReport, 'utf8'));
		counts.passed += report.numPassedTests;
		counts.failed += report.numFailedTests;
		counts.skipped += report.numPendingTests + (report.numTodoTests ?? 0);
		// A test file that runs no test checks nothing: it fails the run.
		for (const file of report.testResults) {
			const ran = file.assertionResults.filter((test) => test.status === 'passed' || test.status === 'failed').length;
			if (ran === 0) {
				console.error(`[test] ${file.name} ran no test`);
				counts.failed += 1;
				failedNames.push(`${file.name}: ran no test`);
			}
			for (const test of file.assertionResults) {
				if (test.status === 'failed') failedNames.push(`${relative(root, file.name)} › ${test.fullName}`);
			}
		}
		if (report.numTotalTests === 0) counts.failed += 1;
	} else counts.failed += 1;

	say('end-to-end tests (playwright, Debian chromium)');
	// ATLAS_DEV_PAGES: the MapLayer lifecycle spec drives its test page (/dev/map-layer).
	// PORT=0: the portal listens on a port the system picks, and says which.
	const portalEnv = { ...env, DATA_DIR: env.ATLAS_TEST_DATA_DIR, PORT: '0', HOST: '127.0.0.1', ATLAS_DEV_PAGES: '1' };
	delete portalEnv.DATABASE_URL;
	// The accounts the sign-in specs use (tests/e2e/sign-in.ts), before the portal holds the database.
	status |= runStep(['tsx', 'tests/e2e/add-e2e-accounts.ts'], { DATA_DIR: env.ATLAS_TEST_DATA_DIR, DATABASE_URL: '' });
	const portal = spawn(process.execPath, ['--import', 'tsx', 'db/start-portal.ts'], { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], env: portalEnv });
	const baseUrl = await servingUrl(portal, 180);
	if (baseUrl) {
		const playwrightReport = join(work, 'playwright.json');
		status |= runStep(['playwright', 'test', '--reporter=list,json'], { E2E_BASE_URL: baseUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
		if (existsSync(playwrightReport)) {
			const playwrightResults = JSON.parse(readFileSync(playwrightReport, 'utf8'));
			const { stats } = playwrightResults;
			if (stats.expected + stats.unexpected + stats.flaky === 0) {
				console.error('[test] the end-to-end suite ran no test');
				counts.failed += 1;
			}
			counts.passed += stats.expected + stats.flaky;
			counts.failed += stats.unexpected;
			counts.skipped += stats.skipped;
			failedNames.push(...unexpectedSpecs(playwrightResults));
		} else counts.failed += 1;
	} else {
		console.error('[test] the portal did not become healthy for the end-to-end tests');
		status |= 1;
		counts.failed += 1;
	}
	portal.kill('SIGTERM');
	await new Promise((r) => (portal.exitCode !== null ? r() : portal.once('exit', r)));
} finally {
	rmSync(work, { recursive: true, force: true });
}
for (const name of failedNames) console.log(`[test] failed: ${name}`);
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(status === 0 && counts.failed === 0 ? 0 : 1);
