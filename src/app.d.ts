import type { Locale } from '$lib/i18n/locales.ts';
import type { Account } from '$lib/server/auth/account.ts';
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
			/** The signed-in account, or null for an anonymous reader. */
			account: Account | null;
			/** Which rows this request reads: derived from `account` (viewerOf). */
			viewer: Viewer;
		}
	}
}

export {};
