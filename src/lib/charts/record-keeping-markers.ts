// The record-keeping gap: weapons made more than 10 (Arms Trade Treaty), 20 or 30 (ITI
// retention minimums) years before recovery may no longer be traceable through records.
import type { EvidenceStats } from '$lib/api/stats.ts';

export interface RecordKeepingMarker {
	years: 10 | 20 | 30;
	/** The instrument that sets this retention period. */
	instrument: 'ATT' | 'ITI';
	/** Made before this year means older than `years` at the reference recovery year. */
	madeBefore: number;
	/** Weapons (with a known year) older than `years` when recovered, and their share. */
	count: number;
	share: number | null;
}

export function recordKeepingMarkers(referenceYear: number, age: EvidenceStats['ageAtRecovery']): RecordKeepingMarker[] {
	return [
		{ years: 10, instrument: 'ATT', ...age.olderThan10 },
		{ years: 20, instrument: 'ITI', ...age.olderThan20 },
		{ years: 30, instrument: 'ITI', ...age.olderThan30 }
	].map((marker) => ({ ...marker, madeBefore: referenceYear - marker.years }) as RecordKeepingMarker);
}

/** Where a year sits on a decade band axis: its decade's band, offset by its place within it. */
export function yearOnDecadeAxis(year: number, start: (decade: number) => number | undefined, bandwidth: number): number | null {
	const decade = Math.floor(year / 10) * 10;
	const left = start(decade);
	return left === undefined ? null : left + ((year - decade) / 10) * bandwidth;
}
