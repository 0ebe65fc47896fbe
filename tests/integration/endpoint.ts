import { afterAll, beforeAll } from 'vitest';
import { closeDatabase, dataVersion } from '../../src/lib/server/db.ts';
import { anonymousViewer, type Viewer } from '../../src/lib/server/viewer.ts';

type Handler = (event: never) => Response | Promise<Response>;

/** Points the app's database client at a back end for the suite, and closes it after. */
export function useAppDatabase(url: string): void {
	beforeAll(async () => {
		await closeDatabase();
		process.env.DATABASE_URL = url;
	});
	afterAll(() => closeDatabase());
}

/** Calls a SvelteKit GET handler as the server would, with the anonymous viewer by default. */
export async function call(
	handler: Handler,
	path: string,
	{ params = {}, headers = {}, viewer = anonymousViewer }: { params?: Record<string, string>; headers?: Record<string, string>; viewer?: Viewer } = {}
): Promise<Response> {
	// The app learns a committed change by notification (within a millisecond) or poll (the
	// embedded database: within FAST_POLL_MS); a test that commits and then calls must not
	// race that, so each call first reads the version, as the next notification would bring it.
	// How soon a running portal learns it by itself: tests/integration/http/two-instances.test.ts.
	await dataVersion().refresh();
	const url = new URL(path, 'http://atlas.test');
	const request = new Request(url, { headers });
	const event = { url, params, request, locals: { viewer, account: null, locale: 'en' }, route: { id: null }, setHeaders: () => {} };
	return handler(event as never);
}
