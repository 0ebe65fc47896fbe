import { isKnownIso3 } from '$lib/filter/iso3-codes.ts';
import type { CountryProfile } from '$lib/api/records.ts';
import type { Queryable } from '../sql-file.ts';
import { sqlTemplate } from '../sql-template.ts';
import profileSql from './country-profile.sql?raw';

const profileQuery = sqlTemplate(profileSql);

const TOP = 10;

/** The limiting factors that mean a producer could not trace because its records are gone. */
export const UNAVAILABLE_FACTORS = ['records_destroyed', 'retention_expired', 'party_no_longer_exists', 'records_not_kept'] as const;
export type UnavailableFactor = (typeof UNAVAILABLE_FACTORS)[number];

/** The country page's profile: CountryProfile plus the figures the page adds, each with its N. */
export interface CountryProfileDetail extends CountryProfile {
	recovery: CountryProfile['recovery'] & {
		/** [west, south, east, north] in degrees; null when the country has no shape (former states). */
		bbox: [number, number, number, number] | null;
		/** SDG 16.4.2-style: weapons documented here with a known country of manufacture, of all weapons documented here. */
		originKnown: { weapons: number; known: number; share: number | null };
		/** Items recovered here with a known country of manufacture: the N of `topMadeIn`. */
		madeInKnown: number;
		/** Items recovered here with a known holder: the N of `topHolders`. */
		holderKnown: number;
		/** The most documented item types (at most 10); `typeCount` counts all. */
		byType: { type: string; category: string; items: number; units: number }[];
		typeCount: number;
		/** Items and units documented here per calendar year of documentation. */
		byYear: { year: number; items: number; units: number }[];
	};
	producer: CountryProfile['producer'] & {
		/** Responses (out of `producer.responses`) giving a records-unavailable factor, and the count per factor. */
		recordsUnavailable: { responses: number; byFactor: Record<UnavailableFactor, number> };
	};
}

/** An ISO 3166 alpha-3 code of a country the database holds, from a URL segment (any case), or null. */
export function parseIso3(text: string): string | null {
	const code = /^[A-Za-z]{3}$/.test(text) ? text.toUpperCase() : null;
	return code !== null && isKnownIso3(code) ? code : null;
}

/** A country page's profile as the viewer sees it; null for an unknown code. */
export async function readCountryProfile(tx: Queryable, iso3: string): Promise<CountryProfileDetail | null> {
	// Items are counted from the rollups /api/stats reads for the same one-key Filter, so the
	// page and the API agree (tests/integration/records/profile-through-filter.test.ts).
	const [found] = await profileQuery(tx, { iso3, top: TOP });
	return (found?.profile as CountryProfileDetail | undefined) ?? null;
}
