// The staff review queue and the partner dashboard (issue 20): the shapes the server returns
// and the pages read.
import type { ProducerProfile } from './records.ts';

/** What an editor reviews: a documentation event (with its items and site) or a case. */
export type ReviewKind = 'events' | 'cases';
/** Where a record stands: a draft not yet verified, a verified draft, or published. */
export type ReviewState = 'unverified' | 'verified' | 'published';
/** How a verified draft is published: to everyone, or to the partner of its partition. */
export type PublishVisibility = 'public' | 'restricted';

export const reviewKinds = ['events', 'cases'] as const satisfies readonly ReviewKind[];
export const reviewStates = ['unverified', 'verified', 'published'] as const satisfies readonly ReviewState[];
export const publishVisibilities = ['public', 'restricted'] as const satisfies readonly PublishVisibility[];

export interface ReviewEntry {
	kind: ReviewKind;
	id: number;
	/** A case's title; an event's site name. */
	title: string;
	country: string;
	/** An event's documentation day; a case's first day of diversion, when known. */
	date: string | null;
	state: ReviewState;
	visibility: 'draft' | 'restricted' | 'public';
	/** Items documented at the event, or listed in the case. */
	items: number;
	site: { id: number; name: string; visibility: 'draft' | 'restricted' | 'public' } | null;
}

export interface ReviewQueue {
	entries: ReviewEntry[];
	/** All entries matching the filter (the page shows at most `limit`). */
	total: number;
	limit: number;
}

export interface ReviewReply {
	id: number;
	party: { id: number; name: string };
	responseId: number | null;
	caseId: number | null;
	version: number;
	body: string;
	lockedOn: string | null;
	visibility: 'draft' | 'restricted' | 'public';
	/** Whether a later version of the same thread exists. */
	superseded: boolean;
}

/** Something made visible to the partner since its last visit. */
export interface PartnerNews {
	kind: 'items' | 'diversion_cases';
	id: number;
	title: string;
	visibility: 'restricted' | 'public';
	changedAt: string;
}

export interface PartnerDashboard {
	country: { iso3: string; name: string };
	producer: ProducerProfile;
	/** The previous visit, null on the first. */
	lastVisit: string | null;
	news: PartnerNews[];
	newsCount: number;
}
