// Turns the trace plan into request, response and factor rows, and ties each request to
// documented items whose origin matches its recipient.
import type { DatasetBuilder } from './builder.ts';
import { COMPANY_COUNTRIES, STATE_RECIPIENTS } from './calibration.ts';
import { DISSOLVED_PRODUCERS } from './catalogue.ts';
import type { SyntheticParties } from './documentation.ts';
import { assignMaker, canMake, isCopy, refit, refitToProducerOrPredecessor } from './item-origin.ts';
import { addDays, daysBetween, type Random } from './random.ts';
import type { PlannedRequest } from './trace-plan.ts';
import type { ItemRow, TraceRequestRow, TraceResponseRow } from './rows.ts';

const END = '2019-12-31';

/** Public weapon or ammunition items by documentation date, drawn without repeats. */
class ItemPool {
	private readonly items: { item: ItemRow; day: string }[];
	private readonly taken = new Set<number>();
	constructor(items: ItemRow[], dayOf: Map<number, string>) {
		this.items = items.map((item) => ({ item, day: dayOf.get(item.event_id)! })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.item.id - b.item.id));
	}
	/** Up to n items documented on or before the day. */
	draw(rng: Random, before: string, n: number): ItemRow[] {
		let lo = 0;
		let hi = this.items.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.items[mid].day <= before) lo = mid + 1;
			else hi = mid;
		}
		const out: ItemRow[] = [];
		for (let tries = 0; out.length < n && tries < n * 40 && lo > 0; tries++) {
			const candidate = this.items[rng.int(0, lo - 1)].item;
			if (this.taken.has(candidate.id)) continue;
			this.taken.add(candidate.id);
			out.push(candidate);
		}
		return out;
	}
}

export interface TraceContext {
	b: DatasetBuilder;
	rng: Random;
	parties: SyntheticParties;
	stateParty: (iso3: string) => number;
}

export function addTraces(ctx: TraceContext, plan: PlannedRequest[]): void {
	const { b, rng, parties } = ctx;
	const dayOfEvent = new Map(b.data.documentation_events.map((e) => [e.id, e.documented_on]));
	const eligible = (category: 'weapon' | 'ammunition') =>
		b.data.items.filter((i) => i.synthetic && i.visibility === 'public' && i.category === category && dayOfEvent.get(i.event_id)! <= END);
	const pools = { weapon: new ItemPool(eligible('weapon'), dayOfEvent), ammunition: new ItemPool(eligible('ammunition'), dayOfEvent) };
	const rows: { request: TraceRequestRow; response: TraceResponseRow | null; items: ItemRow[] }[] = [];

	// A company recipient is the maker of the items: one that made weapons (or ammunition).
	const ableByCategory = Object.fromEntries((['weapon', 'ammunition'] as const).map((category) => {
		const able = new Map(COMPANY_COUNTRIES.map(([iso3]) => [iso3,
			(parties.companiesByCountry.get(iso3) ?? []).filter((id) => canMake(category, iso3, parties.makers.byParty.get(id)!))]));
		return [category, { able, countries: COMPANY_COUNTRIES.filter(([iso3]) => able.get(iso3)!.length > 0) }];
	}));
	const companyFrom = (category: 'weapon' | 'ammunition') => {
		const { able, countries } = ableByCategory[category];
		const country = rng.weighted(countries);
		return { id: rng.pick(able.get(country)!), iso3: country };
	};

	// Primary requests first (secondaries need their parent's dates), in plan order.
	const order = plan.map((_, i) => i).sort((x, y) => Number(plan[x].kind === 'secondary') - Number(plan[y].kind === 'secondary'));
	for (const index of order) {
		const p = plan[index];
		const parent = p.parent === null ? null : rows[p.parent];
		let issued: string;
		if (parent) {
			const after = parent.response!.received_on;
			issued = addDays(after, rng.int(7, Math.max(7, Math.min(90, daysBetween(after, END) - 10))));
		} else {
			issued = rng.dateBetween(`${p.year}-01-01`, p.prompted && p.year === 2019 ? '2019-07-31' : `${p.year}-12-${p.prompted ? '01' : '20'}`);
		}
		const category = p.ammunition ? 'ammunition' : 'weapon';
		const recipient = p.group === 'state' ? { id: ctx.stateParty(p.recipientIso3!), iso3: p.recipientIso3! } : companyFrom(category);
		const requestId = b.nextId('trace_requests');
		const request: TraceRequestRow = {
			id: requestId, kind: p.kind, parent_request_id: parent ? parent.request.id : null, recipient_id: recipient.id,
			recipient_iso3: recipient.iso3, issued_on: issued, issued_on_approximate: false,
			reference: `TR-${issued.slice(0, 4)}-${String(requestId).padStart(5, '0')}`, failure: p.failure, visibility: 'public', synthetic: true
		};
		let response: TraceResponseRow | null = null;
		if (p.responded) {
			const room = daysBetween(issued, END);
			const received = addDays(issued, rng.int(Math.min(5, room), Math.max(Math.min(5, room), Math.min(p.prompted ? 60 : 150, room))));
			response = {
				id: b.nextId('trace_responses'), request_id: requestId, received_on: received, class: p.cls!,
				prompted_secondary: p.prompted, summary: null, visibility: 'public', synthetic: true
			};
		}
		let items: ItemRow[];
		if (parent) {
			items = parent.items;
		} else {
			items = pools[category].draw(rng, addDays(issued, -20), category === 'weapon' ? rng.int(1, 3) : rng.int(1, 2));
			// A primary request goes to the producer; a state that made nothing of the kind is asked
			// as the successor of the one that did, or as exporter or last custodian (origin kept).
			const madeIn = p.failure ? DISSOLVED_PRODUCERS[recipient.iso3] : recipient.iso3;
			for (const item of items) {
				if (isCopy(item)) {
					// Asked of the maker whose markings it bears; its origin stays unknown.
				} else if (p.group === 'company') {
					item.manufacturer_id = recipient.id;
					refit(rng, item, recipient.iso3, parties.makers);
				} else {
					item.manufacturer_id = null;
					const producer = refitToProducerOrPredecessor(rng, item, madeIn, parties.makers);
					if (producer && rng.chance(0.6)) assignMaker(rng, item, producer, parties.makers);
				}
				if (item.marking_state === 'none' || item.marking_state === 'obliterated') item.marking_state = 'partial';
			}
		}
		rows[index] = { request, response, items };
	}
	for (const row of order.map((i) => rows[i])) {
		b.data.trace_requests.push(row.request);
		for (const item of row.items) b.data.trace_request_items.push({ request_id: row.request.id, item_id: item.id });
		if (row.response) {
			b.data.trace_responses.push(row.response);
		}
	}
	plan.forEach((p, i) => {
		const response = rows[i].response;
		if (response) for (const factor of p.factors) b.data.trace_response_factors.push({ response_id: response.id, factor_code: factor });
	});
	addLaterCorrespondence(ctx);
}

/**
 * Trace correspondence after the calibrated period, not yet published: restricted rows a
 * partner government sees in its own partition, and staff drafts.
 */
function addLaterCorrespondence(ctx: TraceContext): void {
	const { b, rng } = ctx;
	const states = STATE_RECIPIENTS.filter(([iso3]) => iso3).map(([iso3, n]) => [iso3!, n] as const);
	const dayOfEvent = new Map(b.data.documentation_events.map((e) => [e.id, e.documented_on]));
	const traced = new Set(b.data.trace_request_items.map((t) => t.item_id));
	const candidates = b.data.items.filter((i) => i.synthetic && (i.category === 'weapon' || i.category === 'ammunition') && !traced.has(i.id) && dayOfEvent.get(i.event_id)! >= '2019-06-01');
	for (let n = 0; n < 180 && candidates.length; n++) {
		const iso3 = rng.weighted(states);
		const issued = rng.dateBetween('2020-01-15', '2021-12-15');
		const requestId = b.nextId('trace_requests');
		const visibility = rng.chance(0.7) ? 'restricted' : 'draft';
		b.data.trace_requests.push({
			id: requestId, kind: 'primary', parent_request_id: null, recipient_id: ctx.stateParty(iso3), recipient_iso3: iso3,
			issued_on: issued, issued_on_approximate: false, reference: `TR-${issued.slice(0, 4)}-${String(requestId).padStart(5, '0')}`,
			failure: null, visibility, synthetic: true
		});
		const item = candidates.splice(rng.int(0, candidates.length - 1), 1)[0];
		if (dayOfEvent.get(item.event_id)! < issued) {
			item.manufacturer_id = null;
			refitToProducerOrPredecessor(rng, item, iso3, ctx.parties.makers);
			b.data.trace_request_items.push({ request_id: requestId, item_id: item.id });
		}
		if (rng.chance(0.4)) {
			const responseId = b.nextId('trace_responses');
			b.data.trace_responses.push({
				id: responseId, request_id: requestId, received_on: addDays(issued, rng.int(10, 120)),
				class: rng.weighted([['permissive', 70], ['dissuasive', 25], ['expansive', 5]]), prompted_secondary: false,
				summary: null, visibility, synthetic: true
			});
			b.data.trace_response_factors.push({ response_id: responseId, factor_code: 'manufacturer_confirmed' });
		}
	}
}
