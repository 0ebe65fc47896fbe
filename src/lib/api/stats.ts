// The JSON contracts of the aggregates: GET /api/stats (what the charts draw) and the
// evidence counts of /api/health and the about page. The one home of these shapes, imported
// by the server modules that compute them and the components that draw them.
import type { TraceFactorKind, TraceRequestKind, TraceResponseClass } from '$lib/domain/vocabulary.ts';

export type ResponseClassCounts = Record<TraceResponseClass, number>;
/** The two recipient groups the published response rates are given for. */
export type RecipientKind = 'state' | 'company';
/** A factor row's kind: a trace factor's, or the follow-up row (a response prompting a secondary request). */
export type ResponseFactorKind = TraceFactorKind | 'follow_up';

export interface ValueCount {
	value: string;
	label?: string;
	items: number;
	units: number;
}

export interface ShareOf {
	count: number;
	/** 0-1, or null when there is nothing to divide by. */
	share: number | null;
}

export interface EvidenceStats {
	items: number;
	units: number;
	sites: number;
	cases: number;
	traceRequests: number;
	traceResponses: number;
	responseClasses: ResponseClassCounts;
	byYear: { year: number; items: number; units: number; requests: number; responses: number }[];
	byCategory: ValueCount[];
	byType: ValueCount[];
	byMadeIn: ValueCount[];
	/** Armed groups and state forces holding the items; value is the party id (the `group` filter). */
	byHoldingForce: ValueCount[];
	responseRateByYearAndRecipient: { year: number; recipient: RecipientKind; kind: TraceRequestKind; requests: number; responses: number; rate: number | null }[];
	responseRateByRecipient: { recipient: RecipientKind; kind: TraceRequestKind; requests: number; responses: number; rate: number | null }[];
	responseFactors: {
		factor: string;
		kind: ResponseFactorKind;
		byClass: Record<TraceResponseClass, { count: number; responses: number; share: number | null }>;
	}[];
	byRegion: { region: string; requests: number; responses: number; rate: number | null }[];
	manufactureDecades: { decade: number; weapons: number }[];
	ageAtRecovery: { weapons: number; olderThan10: ShareOf; olderThan20: ShareOf; olderThan30: ShareOf };
}

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
