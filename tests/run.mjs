// npm test: installs what the tests need, runs the unit and integration tests (vitest, on
// the embedded PostGIS and on TEST_DATABASE_URL when set), then serves the portal on the
// database the integration tests seeded and runs the end-to-end tests in Debian chromium.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuild, ensureChromium, ensureDependencies, root, say } from '../db/setup-steps.mjs';

ensureDependencies();
ensureChromium();
ensureBuild();

const work = mkdtempSync(join(tmpdir(), 'atlas-tests-'));
const env = { ...process.env, ATLAS_TEST_DATA_DIR: join(work, 'data') };
const counts = { passed: 0, failed: 0, skipped: 0 };

function runStep(args, extraEnv) {
	const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit', env: { ...env, ...extraEnv } });
	return result.status ?? 1;
}

function freePort() {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function waitForHealth(url, portal, seconds) {
	for (let i = 0; i < seconds * 2; i++) {
		if (portal.exitCode !== null) return false;
		try {
			if ((await fetch(url)).ok) return true;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	return false;
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
			}
		}
		if (report.numTotalTests === 0) counts.failed += 1;
	} else counts.failed += 1;

	say('end-to-end tests (playwright, Debian chromium)');
	const port = await freePort();
	// ATLAS_DEV_PAGES: the MapLayer lifecycle spec drives its test page (/dev/map-layer).
	const portalEnv = { ...env, DATA_DIR: env.ATLAS_TEST_DATA_DIR, PORT: String(port), HOST: '127.0.0.1', ATLAS_DEV_PAGES: '1' };
	delete portalEnv.DATABASE_URL;
	const portal = spawn(process.execPath, ['--import', 'tsx', 'db/start-portal.ts'], { cwd: root, stdio: 'inherit', env: portalEnv });
	const baseUrl = `http://127.0.0.1:${port}`;
	if (await waitForHealth(`${baseUrl}/api/health`, portal, 180)) {
		const playwrightReport = join(work, 'playwright.json');
		status |= runStep(['playwright', 'test', '--reporter=list,json'], { E2E_BASE_URL: baseUrl, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
		if (existsSync(playwrightReport)) {
			const { stats } = JSON.parse(readFileSync(playwrightReport, 'utf8'));
			if (stats.expected + stats.unexpected + stats.flaky === 0) {
				console.error('[test] the end-to-end suite ran no test');
				counts.failed += 1;
			}
			counts.passed += stats.expected + stats.flaky;
			counts.failed += stats.unexpected;
			counts.skipped += stats.skipped;
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
console.log(`\ntests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(status === 0 && counts.failed === 0 ? 0 : 1);
