/** How much published evidence a viewer can see, by kind of record. */
export interface EvidenceCounts {
	/** Item records documented (one record may be a crate of rounds). */
	items: number;
	/** Physical units: the sum of the items' quantities. */
	units: number;
	sites: number;
	cases: number;
	routes: number;
	traceRequests: number;
	traceResponses: number;
	parties: number;
}

/** Per figure of EvidenceCounts: whether it counts a synthetic (demo) row. */
export type EvidenceMarks = Record<keyof EvidenceCounts, boolean>;
