// What a briefing shows, read in one viewer transaction: the explorer's counts and the charts'
// aggregates through the very functions /api/summary and /api/stats answer with (so the
// document's figures are the API's for the same Filter), the selection's extent to frame the
// map, and its top diversion cases with their published summaries and locked replies.
import type { Briefing, BriefingCase } from '$lib/api/briefing.ts';
import { canonicalFilter, type Filter } from '$lib/filter/filter-schema.ts';
import type { Locale } from '$lib/i18n/locales.ts';
import { sharedRead } from '../http/shared-read.ts';
import { summarise } from '../map/explorer-counts.ts';
import { countryNames } from '../map/country-names.ts';
import { featureCollection } from '../map/geojson-collections.ts';
import { collectionExtents } from '../ogc/collections.ts';
import { readCaseRecord } from '../records/case-record.ts';
import { evidenceStats } from '../stats/evidence-stats.ts';
import type { Queryable } from '../sql-file.ts';
import type { Viewer } from '../viewer.ts';

/** How many cases the document lists: what fits on a page with their summaries. */
export const TOP_CASES = 5;

interface CaseProperties {
	id: number;
	items: number;
}

async function topCases(tx: Queryable, filter: Filter): Promise<{ cases: Omit<BriefingCase, 'countryName'>[]; names: Map<number, { iso3: string; name: string }>; matched: number }> {
	// The cases collection is ordered by the selection's items in each, most first.
	const page = await featureCollection(tx, 'cases', filter, { limit: TOP_CASES, offset: 0, bbox: null }, '');
	const names = new Map<number, { iso3: string; name: string }>();
	const cases: Omit<BriefingCase, 'countryName'>[] = [];
	for (const feature of page.features) {
		const { id, items } = feature.properties as unknown as CaseProperties;
		const record = await readCaseRecord(tx, id);
		if (!record) continue;
		names.set(id, record.country);
		cases.push({
			id,
			title: record.title,
			mechanism: record.mechanism,
			items,
			summary: record.summary,
			publishedOn: record.publishedOn,
			synthetic: record.synthetic,
			// A superseded version is never quoted: its newer locked text says what the party agreed.
			replies: record.rightOfReply.filter((reply) => !reply.superseded)
		});
	}
	return { cases, names, matched: page.numberMatched };
}

/** The briefing of `filter` as `viewer` may see it, cached per data version like other shared reads. */
export async function readBriefing(viewer: Viewer, filter: Filter, locale: Locale): Promise<Briefing> {
	const read = await sharedRead(
		viewer,
		'briefing',
		[canonicalFilter(filter)],
		async (tx) => {
			// One transaction runs its statements one after another: nothing to gain from Promise.all.
			const summary = await summarise(tx, filter);
			const stats = await evidenceStats(tx, filter);
			const extents = await collectionExtents(tx, filter);
			const cases = await topCases(tx, filter);
			return { summary, stats, siteBox: extents.siteBox as Briefing['siteBox'], ...cases };
		},
		{ aggregate: true }
	);
	const { names, matched, ...rest } = read;
	return {
		...rest,
		casesMatched: matched,
		cases: read.cases.map((found) => {
			const country = names.get(found.id)!;
			return { ...found, countryName: countryNames(country.iso3, country.name)[locale] };
		})
	};
}
