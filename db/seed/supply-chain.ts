// Consignments reconstructed from trace responses: the transfer the response documented,
// its waypoints on real towns, further items tied to it elsewhere, and one route per
// recovery site.
import type { DatasetBuilder } from './builder.ts';
import type { SyntheticParties } from './documentation.ts';
import type { Random } from './random.ts';
import type { Town } from './reference.ts';
import { point, type ItemRow } from './rows.ts';

const RECIPIENT_STATES: readonly (readonly [string, number])[] = [
	['LBY', 10], ['IRQ', 10], ['SYR', 6], ['YEM', 5], ['SDN', 5], ['SSD', 4], ['MLI', 3], ['NGA', 3], ['AFG', 5],
	['SAU', 6], ['ARE', 5], ['UGA', 3], ['TCD', 2], ['ETH', 3], ['EGY', 3], ['CMR', 2], ['UKR', 3]
];
const TRANSIT: readonly string[] = ['ARE', 'TUR', 'CYP', 'EGY', 'UGA', 'KEN', 'OMN', 'LBN'];

export function addSupplyChains(
	b: DatasetBuilder, rng: Random, parties: SyntheticParties, capitals: Map<string, Town>, stateParty: (iso3: string) => number, count: number
): void {
	const data = b.data;
	const requestById = new Map(data.trace_requests.map((r) => [r.id, r]));
	const itemsByRequest = new Map<number, ItemRow[]>();
	const itemById = new Map(data.items.map((i) => [i.id, i]));
	for (const link of data.trace_request_items) {
		const list = itemsByRequest.get(link.request_id) ?? [];
		list.push(itemById.get(link.item_id)!);
		itemsByRequest.set(link.request_id, list);
	}
	const factorsOf = new Map<number, Set<string>>();
	for (const f of data.trace_response_factors) {
		const set = factorsOf.get(f.response_id) ?? new Set<string>();
		set.add(f.factor_code);
		factorsOf.set(f.response_id, set);
	}
	const eventById = new Map(data.documentation_events.map((e) => [e.id, e]));
	const siteCountry = new Map(data.sites.map((site) => [site.id, site.country_iso3]));
	const candidates = data.trace_responses.filter((r) => {
		const request = requestById.get(r.request_id)!;
		return r.synthetic && r.visibility === 'public' && r.class !== 'dissuasive' && request.kind === 'primary' &&
			factorsOf.get(r.id)?.has('recipient_given') && (itemsByRequest.get(request.id)?.length ?? 0) > 0 &&
			request.recipient_iso3 && capitals.has(request.recipient_iso3);
	});
	// Untraced public items that a consignment's documents can also explain.
	const loose = data.items.filter((i) => i.synthetic && i.visibility === 'public' && (i.category === 'weapon' || i.category === 'ammunition' || i.category === 'related') && i.consignment_id === null);
	const place = (iso3: string, role: 'origin' | 'port_of_loading' | 'transit' | 'port_of_unloading' | 'destination', transferId: number, seq: number) => {
		const town = capitals.get(iso3)!;
		data.transfer_waypoints.push({ transfer_id: transferId, seq, role, place_name: town.name, country_iso3: iso3, geom: point(town.lon, town.lat) });
	};

	for (const response of rng.sample(candidates, count)) {
		const request = requestById.get(response.request_id)!;
		// Items a request shares with an earlier consignment's (a secondary request about the
		// same items) stay with that one: taking them over left the first with items recovered
		// in one state and a destination in another.
		const requested = itemsByRequest.get(request.id)!;
		const unclaimed = requested.filter((item) => item.consignment_id === null);
		const traced = unclaimed.length ? unclaimed : requested;
		const origin = request.recipient_iso3!;
		// Delivered to the state where the traced items were later recovered (diverted there after
		// delivery), so a route runs exporter → (transit) → recipient → recovery site, not via
		// an unrelated state on another continent. The draw is made either way, so every later
		// random choice of the seed stays the same.
		const drawn = rng.weighted(RECIPIENT_STATES.filter(([iso3]) => capitals.has(iso3)));
		const recoveredIn = siteCountry.get(eventById.get(traced[0].event_id)!.site_id);
		const destination = recoveredIn && recoveredIn !== origin && capitals.has(recoveredIn) ? recoveredIn : drawn;
		const factors = factorsOf.get(response.id)!;
		const earliest = traced.map((i) => eventById.get(i.event_id)!.documented_on).sort()[0];
		const lastShipYear = Math.max(1970, Number(earliest.slice(0, 4)) - 1);
		const shipped = rng.dateBetween(`${Math.max(1965, lastShipYear - 35)}-01-01`, `${lastShipYear}-06-30`);
		const documented = factors.has('transfer_documents_given');
		const consignmentId = b.nextId('consignments');
		const order = documented ? `${rng.int(10, 99)}-${rng.int(1, 9)}-${rng.int(1000, 9999)}` : null;
		data.consignments.push({
			id: consignmentId, reference: `CN-${String(consignmentId).padStart(5, '0')}`,
			description: `${traced[0].category === 'ammunition' ? 'Ammunition' : 'Weapons'} from ${origin} to ${destination}`,
			origin_iso3: origin, contract_number: documented && rng.chance(0.5) ? `C-${rng.int(100, 999)}/${shipped.slice(2, 4)}` : null,
			order_number: order, ordered_on: order ? shipped : null, visibility: 'public', synthetic: true
		});
		const transferId = b.nextId('transfers');
		const broker = rng.chance(0.2) ? rng.pick(parties.brokers) : null;
		data.transfers.push({
			id: transferId, consignment_id: consignmentId, from_party_id: request.recipient_id, to_party_id: broker ?? stateParty(destination),
			shipped_from: factors.has('delivery_dates_given') ? shipped : null,
			shipped_to: factors.has('delivery_dates_given') ? shipped : null,
			quantity: factors.has('quantity_given') ? rng.int(20, 20000) : null, contract_number: null, order_number: order,
			ordered_on: order ? shipped : null, evidence_response_id: response.id, visibility: 'public', synthetic: true
		});
		let seq = 1;
		place(origin, 'origin', transferId, seq++);
		const via = rng.chance(0.4) ? rng.pick(TRANSIT.filter((t) => t !== origin && t !== destination && capitals.has(t))) : null;
		if (via) place(via, 'transit', transferId, seq++);
		place(destination, 'destination', transferId, seq++);

		const extra: ItemRow[] = [];
		for (let k = rng.int(0, 5); k > 0 && loose.length; k--) {
			const item = loose.splice(rng.int(0, loose.length - 1), 1)[0];
			// Already carried by a consignment of its own trace request: it stays there.
			if (item.consignment_id !== null) continue;
			item.made_in_iso3 = origin;
			extra.push(item);
		}
		const all = [...traced, ...extra];
		for (const item of all) item.consignment_id = consignmentId;
		const status = documented || factors.has('delivery_dates_given') ? 'reconstructed' : 'suspected';
		for (const siteId of new Set(all.map((i) => eventById.get(i.event_id)!.site_id))) {
			data.routes.push({ id: b.nextId('routes'), consignment_id: consignmentId, site_id: siteId, case_id: null, status, visibility: 'public', synthetic: true });
		}
	}
}
