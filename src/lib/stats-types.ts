// The JSON of GET /api/stats: the aggregates the charts draw, shared by server and browser.
import type { TraceResponseClass } from './records-types.ts';

export type ResponseClassCounts = Record<TraceResponseClass, number>;
export type RecipientKind = 'state' | 'company';
export type RequestKind = 'primary' | 'secondary';

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
	responseRateByYearAndRecipient: { year: number; recipient: RecipientKind; kind: RequestKind; requests: number; responses: number; rate: number | null }[];
	responseRateByRecipient: { recipient: RecipientKind; kind: RequestKind; requests: number; responses: number; rate: number | null }[];
	responseFactors: {
		factor: string;
		kind: 'limiting' | 'supporting' | 'follow_up';
		byClass: Record<TraceResponseClass, { count: number; responses: number; share: number | null }>;
	}[];
	byRegion: { region: string; requests: number; responses: number; rate: number | null }[];
	manufactureDecades: { decade: number; weapons: number }[];
	ageAtRecovery: { weapons: number; olderThan10: ShareOf; olderThan20: ShareOf; olderThan30: ShareOf };
}
