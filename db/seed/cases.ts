// Diversion cases concluded from documentation: one per documentation whose items could be
// traced back far enough, with the parties involved and the routes that explain them.
import type { DatasetBuilder } from './builder.ts';
import type { Random } from './random.ts';
import type { ItemRow } from './rows.ts';
import type { DiversionMechanism, Visibility } from '../../src/lib/domain/vocabulary.ts';

const VISIBILITY_RANK: Record<Visibility, number> = { draft: 0, restricted: 1, public: 2 };
const leastVisible = (a: Visibility, b: Visibility) => (VISIBILITY_RANK[a] <= VISIBILITY_RANK[b] ? a : b);

const MECHANISMS: readonly (readonly [DiversionMechanism, number])[] = [
	['battlefield_capture', 35], ['stockpile_leakage', 25], ['state_supply', 15], ['in_transit', 5], ['theft', 5], ['unknown', 15]
];

export function addCases(b: DatasetBuilder, rng: Random, share: number): void {
	const data = b.data;
	const siteById = new Map(data.sites.map((s) => [s.id, s]));
	const itemsByEvent = new Map<number, ItemRow[]>();
	for (const item of data.items) {
		if (!item.synthetic) continue;
		const list = itemsByEvent.get(item.event_id) ?? [];
		list.push(item);
		itemsByEvent.set(item.event_id, list);
	}
	const caseBySite = new Map<number, number>();
	for (const event of data.documentation_events) {
		if (!event.synthetic || !rng.chance(share)) continue;
		const site = siteById.get(event.site_id)!;
		// A case is no more visible than its event and site, and holds only items at least as
		// visible as itself: everyone who can read the case sees every item its title counts.
		const visibility = leastVisible(event.visibility, site.visibility);
		const items = (itemsByEvent.get(event.id) ?? []).filter((i) => i.made_in_iso3 && VISIBILITY_RANK[i.visibility] >= VISIBILITY_RANK[visibility]);
		if (items.length === 0) continue;
		const mechanism = rng.weighted(MECHANISMS);
		const caseId = b.nextId('diversion_cases');
		const year = event.documented_on.slice(0, 4);
		data.diversion_cases.push({
			id: caseId,
			title: `${site.country_iso3}-${year}-${String(caseId).padStart(5, '0')}: ${items.length} item${items.length === 1 ? '' : 's'} at ${site.name}`,
			mechanism, country_iso3: site.country_iso3,
			diverted_from: null, diverted_to: mechanism === 'unknown' ? null : event.documented_on,
			summary: `Synthetic demo case: ${items.length} documented item record(s) at ${site.name}, concluded as ${mechanism.replaceAll('_', ' ')}.`,
			source_id: event.source_id, report_id: null, published_on: rng.chance(0.7) ? event.documented_on : null,
			visibility, synthetic: true
		});
		for (const item of items) data.case_items.push({ case_id: caseId, item_id: item.id });
		data.case_sites.push({ case_id: caseId, site_id: site.id });
		if (event.holding_party_id) data.case_parties.push({ case_id: caseId, party_id: event.holding_party_id, role: 'end_holder' });
		for (const maker of new Set(items.map((i) => i.manufacturer_id).filter((m): m is number => m !== null))) {
			data.case_parties.push({ case_id: caseId, party_id: maker, role: 'manufacturer' });
		}
		caseBySite.set(site.id, caseId);
	}
	for (const route of data.routes) {
		if (route.synthetic && route.case_id === null) route.case_id = caseBySite.get(route.site_id) ?? null;
		const site = siteById.get(route.site_id)!;
		if (site.visibility !== 'public') route.visibility = site.visibility;
	}
}

/** Agreed right-of-reply texts for some responses; most locked, a few with a second version. */
export function addRepliesToResponses(b: DatasetBuilder, rng: Random, count: number): void {
	const data = b.data;
	const requestById = new Map(data.trace_requests.map((r) => [r.id, r]));
	const withTransfers = new Set(data.transfers.map((t) => t.evidence_response_id));
	const candidates = data.trace_responses.filter((r) => r.synthetic && r.visibility === 'public' && withTransfers.has(r.id));
	for (const response of rng.sample(candidates, count)) {
		const party = requestById.get(response.request_id)!.recipient_id;
		const locked = rng.chance(0.8);
		data.right_of_reply.push({
			id: b.nextId('right_of_reply'), party_id: party, response_id: response.id, case_id: null, version: 1,
			body: 'Synthetic demo text: the responding party confirms the transfer described and states that it was made under a valid export licence to the named recipient.',
			locked_on: locked ? response.received_on : null, visibility: locked ? 'public' : 'draft', synthetic: true
		});
		if (locked && rng.chance(0.15)) {
			data.right_of_reply.push({
				id: b.nextId('right_of_reply'), party_id: party, response_id: response.id, case_id: null, version: 2,
				body: 'Synthetic demo text (revised): the responding party adds that the recipient gave end-use assurances it later breached.',
				locked_on: null, visibility: 'draft', synthetic: true
			});
		}
	}
}
