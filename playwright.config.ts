import { defineConfig } from '@playwright/test';
import { CHROMIUM_FLAGS } from './src/lib/server/chromium-flags.ts';

// The test runner starts the server before playwright runs, so no webServer here:
// the suite only needs to know where the server listens.
const baseURL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3100';

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	outputDir: 'test-results',
	fullyParallel: true,
	forbidOnly: !!process.env.CI,
	retries: 0,
	reporter: process.env.CI ? 'line' : 'list',
	use: {
		baseURL,
		browserName: 'chromium',
		trace: 'retain-on-failure',
		launchOptions: {
			// Debian's chromium: these machines never download browsers.
			executablePath: '/usr/bin/chromium',
			args: [...CHROMIUM_FLAGS]
		}
	},
	projects: [{ name: 'chromium', use: { browserName: 'chromium' } }]
});
