import type { Locale } from '$lib/i18n/locales.ts';
import type { Viewer } from '$lib/server/viewer.ts';

// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		/** What the reader is told about an unexpected error: a safe message and a log id. */
		interface Error {
			message: string;
			id?: string;
		}
		interface Locals {
			locale: Locale;
			viewer: Viewer;
		}
	}
}

export {};
