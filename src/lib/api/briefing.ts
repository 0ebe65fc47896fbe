// The briefing's shape (/briefing?<filter>): what the printable document shows, read once on
// the server so the page and its PDF (/briefing.pdf) print the same figures.
import type { ExplorerSummary } from './map.ts';
import type { EvidenceStats } from './stats.ts';
import type { DiversionMechanism } from '$lib/domain/vocabulary.ts';
import type { RightOfReply } from './records.ts';

/** A country the form offers: one with recovery sites the viewer may see. */
export interface BriefingCountry {
	iso3: string;
	/** In the reader's language. */
	name: string;
	/** The Diversion Digest's region (M49, with Europe in its four sub-regions). */
	region: string | null;
}

/** A top diversion case of the selection, with the only wording the portal may publish about it. */
export interface BriefingCase {
	id: number;
	title: string;
	mechanism: DiversionMechanism;
	countryName: string;
	/** Items of the case the Filter selects. */
	items: number;
	summary: string | null;
	publishedOn: string | null;
	synthetic: boolean;
	/** Locked right-of-reply texts, newest version of each only. */
	replies: RightOfReply[];
}

export interface Briefing {
	summary: ExplorerSummary;
	stats: EvidenceStats;
	/** The matching items' sites as [west, south, east, north], null when nothing matches. */
	siteBox: [number, number, number, number] | null;
	cases: BriefingCase[];
	/** Every diversion case the selection touches (the list shows the top few). */
	casesMatched: number;
}
