// The release log's shape (/changes and /changes.atom): read on the server, shown by the page.
import type { RecordKind } from '$lib/domain/vocabulary.ts';

/** How many public records of one kind a release added, changed and withdrew. */
export interface ReleaseChange {
	kind: RecordKind;
	added: number;
	changed: number;
	withdrawn: number;
}

/** A correction a release published: what was corrected and why, in one record or in the data as a whole. */
export interface Correction {
	id: number;
	/** The corrected record, or null when the correction concerns no single record. */
	record: { kind: RecordKind; id: number } | null;
	what: string;
	why: string;
}

export interface ReleaseLogEntry {
	number: number;
	/** ISO date (YYYY-MM-DD, UTC). */
	releasedOn: string;
	/** ISO timestamp, for feeds. */
	releasedAt: string;
	summary: string;
	/** Synthetic records were public in this release: the demo mark. */
	synthetic: boolean;
	changes: ReleaseChange[];
	corrections: Correction[];
}
