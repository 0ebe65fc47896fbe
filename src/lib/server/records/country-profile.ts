import type { CountryProfile } from '$lib/records-types.ts';
import { runSqlFile, type Queryable } from '../sql-file.ts';
import profileSql from './country-profile.sql?raw';

const TOP = 10;

/** An ISO 3166 alpha-3 code from a URL segment (any case), or null. */
export function parseIso3(text: string): string | null {
	return /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : null;
}

/** A country page's profile as the viewer sees it; null for an unknown code. */
export async function readCountryProfile(tx: Queryable, iso3: string): Promise<CountryProfile | null> {
	const [found] = await runSqlFile<{ profile: CountryProfile }>(tx, profileSql, [iso3, TOP]);
	return found?.profile ?? null;
}
