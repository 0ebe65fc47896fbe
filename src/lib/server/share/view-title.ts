// The title and map of a portal view, read as the viewer sees it: a record's title comes
// from its row (through the same shared reads as its page, so an oEmbed request after a page
// view costs no database work), the explorer's from its Filter in words. A record the viewer
// may not see is no view at all: the answer is the same as for an id nobody used.
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { filterTitle } from '$lib/filter/filter-title.ts';
import { consignmentTitle } from '$lib/explorer/record-titles.ts';
import type { Translator } from '$lib/i18n/index.ts';
import { recordMapParams, type PortalView } from '$lib/share/portal-views.ts';
import { sharedRead } from '../http/shared-read.ts';
import { readCaseRecord } from '../records/case-record.ts';
import { readConsignmentDetail } from '../records/consignment-detail.ts';
import { readCountryProfile } from '../records/country-profile.ts';
import { readPartyRecord } from '../records/party-record.ts';
import type { Viewer } from '../viewer.ts';

export interface EmbeddableView {
	title: string;
	/** The explorer parameters of its map. */
	mapParams: URLSearchParams;
}

/** Why a view has no embed: it does not exist for this viewer, or it has no map of its own. */
export type NoEmbed = { missing: 'record' | 'map' | 'filter'; error: string };

export async function embeddableView(view: PortalView, viewer: Viewer, i18n: Translator): Promise<EmbeddableView | NoEmbed> {
	if (view.kind === 'explorer') {
		const parsed = parseFilter(view.params);
		return parsed.ok ? { title: filterTitle(parsed.filter, i18n), mapParams: view.params } : { missing: 'filter', error: parsed.error };
	}
	const title = await recordTitle(view, viewer, i18n);
	if (title === null) return { missing: 'record', error: `no such ${view.kind}` };
	const mapParams = recordMapParams(view, title.partyKind);
	return mapParams ? { title: title.text, mapParams } : { missing: 'map', error: `this ${view.kind} has no map to embed` };
}

async function recordTitle(view: Exclude<PortalView, { kind: 'explorer' }>, viewer: Viewer, i18n: Translator): Promise<{ text: string; partyKind?: string } | null> {
	switch (view.kind) {
		case 'case': {
			const record = await sharedRead(viewer, 'case-record', [String(view.id)], (tx) => readCaseRecord(tx, view.id));
			return record && { text: record.title };
		}
		case 'consignment': {
			const record = await sharedRead(viewer, 'consignment-detail', [String(view.id)], (tx) => readConsignmentDetail(tx, view.id));
			return record && { text: consignmentTitle(record, i18n.t) };
		}
		case 'party': {
			const record = await sharedRead(viewer, 'party-record', [String(view.id)], (tx) => readPartyRecord(tx, view.id));
			return record && { text: record.name, partyKind: record.kind };
		}
		case 'country': {
			const profile = await sharedRead(viewer, 'country-profile', [view.iso3], (tx) => readCountryProfile(tx, view.iso3), { aggregate: true });
			return profile && { text: profile.country.name };
		}
		case 'item':
			// Items have no map of their own; their title is not needed to say so.
			return { text: '' };
	}
}
