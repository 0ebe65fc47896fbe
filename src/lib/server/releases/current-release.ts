import { isHttpError } from '@sveltejs/kit';
import type { DataRelease } from '$lib/releases/data-release.ts';
import { sharedRead } from '../http/shared-read.ts';
import { sqlTemplate } from '../sql-template.ts';
import type { Viewer } from '../viewer.ts';
import currentReleaseSql from './current-release.sql?raw';

const currentReleaseQuery = sqlTemplate<{ number: number; released_on: string }>(currentReleaseSql);

/**
 * The latest data release, or null before the first. Read once per data version (a publish
 * moves it), so a page view costs no database work once warm.
 */
export function currentRelease(viewer: Viewer): Promise<DataRelease | null> {
	return sharedRead(viewer, 'current-release', [], async (tx) => {
		const [row] = await currentReleaseQuery(tx, {});
		return row ? { number: row.number, releasedOn: row.released_on } : null;
	});
}

/**
 * `read`, or null while the database is unreachable. For what the layout adds to every page
 * (the footer's release, a pin's notice): the page's own load then answers 503, and its error
 * page still needs the layout, so the layout goes without rather than failing that page too.
 */
export async function unlessUnavailable<T>(read: () => Promise<T>): Promise<T | null> {
	try {
		return await read();
	} catch (failure) {
		if (isHttpError(failure) && failure.status === 503) return null;
		throw failure;
	}
}
