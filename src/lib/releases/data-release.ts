/**
 * A numbered data release: every publish makes one (db/migrations/023_data_releases.sql).
 * A citation names the release its figures come from, so a reader can tell later whether
 * the data changed since (the public log at /changes).
 */
export interface DataRelease {
	number: number;
	/** ISO date (YYYY-MM-DD) the release was published. */
	releasedOn: string;
}
