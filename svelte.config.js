import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';

// Kit's route announcer (the generated root.svelte) is the one element with an inline
// style. Allowing exactly that attribute by its hash keeps 'unsafe-inline' out of the
// policy; if a kit upgrade changes the text, the e2e console-error check fails.
const announcerStyle =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerStyleHash = `sha256-${createHash('sha256').update(announcerStyle).digest('base64')}`;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		typescript: {
			// Type-check the test runner configs too (kit already includes src/ and tests/).
			config: (tsconfig) => {
				tsconfig.include.push('../playwright.config.ts');
			}
		},
		// 'auto' uses nonces for server-rendered pages and hashes for prerendered ones, so
		// kit's own inline bootstrap script runs while everything else must come from 'self':
		// the portal never contacts a third-party host at run time (see DESIGN.md, privacy).
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', /** @type {`sha256-${string}`} */ (announcerStyleHash)],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				// MapLibre and deck.gl start their workers from blob: URLs.
				'worker-src': ['self', 'blob:'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['self']
			}
		}
	}
};

export default config;
