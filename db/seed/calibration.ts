// What the demo data set is calibrated to: the published 2015-2019 trace figures of the
// Diversion Digest, Issue 03 (Conflict Armament Research, December 2020). The generator
// plans its rows so that counting them gives these figures; nothing stores the totals.
import type { TraceFactorCode as TraceFactor, TraceRequestKind, TraceResponseClass } from '../../src/lib/domain/vocabulary.ts';

export const CALIBRATION_YEARS = [2015, 2016, 2017, 2018, 2019] as const;
export type CalibrationYear = (typeof CALIBRATION_YEARS)[number];
export type RecipientGroup = 'state' | 'company';
export type RequestKind = TraceRequestKind;

/** Requests and responses per recipient group and request kind (sums: 3,087 and 1,238). */
export const REQUEST_CELLS: Record<RecipientGroup, Record<RequestKind, { requests: number; responses: number }>> = {
	// primary 2,617 answered 1,124 (43 %); secondary 470 answered 114 (24 %)
	state: { primary: { requests: 1633, responses: 677 }, secondary: { requests: 300, responses: 75 } },
	company: { primary: { requests: 984, responses: 447 }, secondary: { requests: 170, responses: 39 } }
};

export const RESPONSE_CLASSES: Record<TraceResponseClass, number> = {
	expansive: 56,
	permissive: 871,
	dissuasive: 311
};

/** Share of each response class showing each factor (the Digest's factor table). */
export const FACTOR_SHARES: Record<TraceFactor | 'prompted_secondary', Record<TraceResponseClass, number>> = {
	formal_refusal: { expansive: 0, permissive: 0.03, dissuasive: 0.27 },
	records_destroyed: { expansive: 0, permissive: 0.08, dissuasive: 0.03 },
	retention_expired: { expansive: 0, permissive: 0.13, dissuasive: 0.06 },
	party_no_longer_exists: { expansive: 0, permissive: 0.12, dissuasive: 0.02 },
	records_not_kept: { expansive: 0, permissive: 0.01, dissuasive: 0.08 },
	manufacturer_confirmed: { expansive: 1, permissive: 0.68, dissuasive: 0.01 },
	manufacture_date_given: { expansive: 1, permissive: 0.4, dissuasive: 0 },
	recipient_given: { expansive: 1, permissive: 0.61, dissuasive: 0 },
	delivery_dates_given: { expansive: 1, permissive: 0.5, dissuasive: 0.01 },
	quantity_given: { expansive: 1, permissive: 0.37, dissuasive: 0 },
	intermediaries_given: { expansive: 1, permissive: 0.27, dissuasive: 0 },
	transfer_documents_given: { expansive: 1, permissive: 0.23, dissuasive: 0 },
	prompted_secondary: { expansive: 0.64, permissive: 0.26, dissuasive: 0 }
};

/** Share of primary requests issued each year. */
export const YEAR_WEIGHTS: Record<CalibrationYear, number> = { 2015: 15, 2016: 18, 2017: 22, 2018: 23, 2019: 22 };

/**
 * Primary response rate by year: companies answer more often than states every year
 * except 2015, as published. Used as weights; the totals above decide the counts.
 */
export const PRIMARY_RATE_BY_YEAR: Record<RecipientGroup, Record<CalibrationYear, number>> = {
	state: { 2015: 0.47, 2016: 0.41, 2017: 0.41, 2018: 0.42, 2019: 0.39 },
	company: { 2015: 0.4, 2016: 0.46, 2017: 0.47, 2018: 0.46, 2019: 0.47 }
};

/**
 * Requests to governments and their responses, per recipient state (primary and secondary
 * together). By M49 region this gives Eastern Europe 891 at 53 % (second only to Western
 * Europe), Asia 326 at 7 % (lowest), 1,933 in all; seven EU states answer more than 95 %
 * (Belgium and Austria all). `null` is the European state the published Iraq case leaves unnamed.
 */
export const STATE_RECIPIENTS: readonly (readonly [string | null, number, number])[] = [
	// Eastern Europe: 891 requests, 472 responses
	['BGR', 260, 150], ['ROU', 150, 95], ['RUS', 170, 40], ['UKR', 110, 30], ['CZE', 80, 78],
	['POL', 40, 39], ['HUN', 30, 20], ['SVK', 21, 12], ['BLR', 20, 5], ['MDA', 10, 3],
	// Western Europe: 190, 120
	['BEL', 30, 30], ['DEU', 36, 35], ['FRA', 24, 23], ['AUT', 12, 12], ['NLD', 8, 4], ['CHE', 80, 16],
	// Northern Europe: 60, 27
	['SWE', 22, 21], ['FIN', 10, 3], ['GBR', 20, 2], ['NOR', 8, 1],
	// Southern Europe: 250, 70 (former Yugoslav producers weigh on the rate)
	['SRB', 110, 25], ['BIH', 40, 5], ['HRV', 20, 8], ['ITA', 30, 20], ['ESP', 20, 8], ['GRC', 10, 2],
	['PRT', 5, 0], ['MNE', 5, 1], ['MKD', 5, 0], ['ALB', 5, 1],
	// Asia: 326, 23
	['CHN', 150, 8], ['IRN', 40, 0], ['PRK', 20, 0], ['TUR', 40, 8], ['ISR', 16, 4], ['PAK', 20, 1],
	['SAU', 10, 1], ['ARE', 10, 1], ['KOR', 10, 0], ['SGP', 10, 0],
	// Americas: 145, 29
	['USA', 99, 24], ['BRA', 26, 4], ['ARG', 10, 1], ['CAN', 10, 0],
	// Africa: 70, 10
	['EGY', 25, 3], ['SDN', 20, 0], ['ZAF', 15, 6], ['NGA', 10, 1],
	// not named in the published record
	[null, 1, 1]
];

/** Countries whose companies receive requests, with relative weight. */
export const COMPANY_COUNTRIES: readonly (readonly [string, number])[] = [
	['BGR', 10], ['ROU', 5], ['SRB', 10], ['CZE', 6], ['RUS', 8], ['CHN', 12], ['USA', 10], ['BEL', 5],
	['DEU', 6], ['ITA', 5], ['TUR', 8], ['AUT', 3], ['FRA', 3], ['BRA', 2], ['KOR', 2], ['ISR', 2],
	['UKR', 3], ['POL', 2], ['HRV', 2], ['BIH', 2], ['ESP', 2], ['SWE', 1], ['CHE', 2], ['PAK', 1]
];

/** Share of requests that fail because the producing state no longer exists (Digest: 10 %). */
export const DISSOLVED_PRODUCER_SHARE = 0.1;

/** Weapons with an established year of manufacture, and their age when recovered. */
export const WEAPON_AGES = {
	withYear: 2578,
	olderThan30: 0.64,
	olderThan20: 0.71,
	fromThe1910s: 1,
	fromThe1930s: 7
} as const;
