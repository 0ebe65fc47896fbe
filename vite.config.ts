import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { countryNamesPlugin } from './config/country-names-plugin.ts';

export default defineConfig({
	plugins: [sveltekit(), countryNamesPlugin()],
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					name: 'integration',
					include: ['tests/integration/**/*.test.ts'],
					environment: 'node',
					// Starts (or connects to) the database once for every integration file.
					globalSetup: ['tests/integration/global-setup.ts'],
					// The first embedded PostGIS start creates the extension: 5-18 s measured.
					hookTimeout: 120_000,
					testTimeout: 30_000
				}
			}
		]
	}
});
