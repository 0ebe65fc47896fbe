// Real, published case records (Diversion Digest Issue 03, Conflict Armament Research,
// December 2020), entered as real rows with their source. Summaries are our own words.
// Nothing is stored here that the record does not give: where it leaves something out (a
// date, a town, a name, a calibre, an agreed reply text), the row says so, with a date
// precision of 'unpublished' or a name saying "not published", rather than inventing it.
// tests/integration/db/provenance.test.ts holds every text, date and figure below to the
// facts of the record, typed there from DOMAIN.md.
import type { DatasetBuilder } from './builder.ts';
import { point, type DatePrecision, type ItemRow } from './rows.ts';
import type { DiversionMechanism, TraceFactorCode as TraceFactor, TraceRequestKind, TraceResponseClass } from '../../src/lib/domain/vocabulary.ts';

export const DIGEST_CITATION =
	'Conflict Armament Research, "Diversion Digest", Issue 03, London, December 2020.';

/** A real request as the calibration plan must count it. */
export interface FixedRequest {
	group: 'state' | 'company';
	recipientIso3: string | null;
	kind: TraceRequestKind;
	year: number;
	cls: TraceResponseClass | null;
	factors: TraceFactor[];
	prompted: boolean;
}

interface Ctx {
	b: DatasetBuilder;
	countryName: (iso3: string) => string;
	sourceId: number;
	reportId: number;
	fixed: FixedRequest[];
}

function item(ctx: Ctx, row: Partial<ItemRow> & Pick<ItemRow, 'event_id' | 'category' | 'item_type'>): number {
	const id = ctx.b.nextId('items');
	ctx.b.data.items.push({
		model: null, calibre: null, manufacturer_id: null, made_in_iso3: null, year_made: null,
		serial_number: null, lot_number: null, factory_code: null, import_mark: null,
		marking_state: 'intact', construction: [], construction_notes: null, quantity: 1,
		consignment_id: null, visibility: 'public', synthetic: false, ...row, id
	});
	return id;
}

function site(ctx: Ctx, name: string, iso3: string, lon: number, lat: number, precision: 'town' | 'country' = 'town'): number {
	const id = ctx.b.nextId('sites');
	ctx.b.data.sites.push({ id, name, country_iso3: iso3, precision, geom: point(lon, lat), geonames_id: null, visibility: 'public', synthetic: false });
	return id;
}

/** A date as the record gives it: a day, or a placeholder with how much of it is known. */
type Dated = string | { placeholder: string; precision: Exclude<DatePrecision, null> };
const dayOf = (d: Dated) => (typeof d === 'string' ? d : d.placeholder);
const precisionOf = (d: Dated): DatePrecision => (typeof d === 'string' ? null : d.precision);
/** The source gives no date: `placeholder` only places the row in a year for counting. */
const unpublished = (placeholder: string): Dated => ({ placeholder, precision: 'unpublished' });
const yearOnly = (year: number): Dated => ({ placeholder: `${year}-01-01`, precision: 'year' });

function event(ctx: Ctx, siteId: number, day: Dated, context: 'recovered' | 'seized' | 'held', holder: number | null, notes: string): number {
	const id = ctx.b.nextId('documentation_events');
	ctx.b.data.documentation_events.push({
		id, site_id: siteId, documented_on: dayOf(day), documented_on_precision: precisionOf(day), context, holding_party_id: holder,
		source_id: ctx.sourceId, verification: 'verified', notes, visibility: 'public', synthetic: false
	});
	return id;
}

interface TraceSpec {
	recipient: number;
	group: 'state' | 'company';
	recipientIso3: string | null;
	issued: Dated;
	received: Dated;
	cls: TraceResponseClass;
	factors: TraceFactor[];
	summary: string;
	items: number[];
}

function trace(ctx: Ctx, spec: TraceSpec): number {
	const requestId = ctx.b.nextId('trace_requests');
	ctx.b.data.trace_requests.push({
		id: requestId, kind: 'primary', parent_request_id: null, recipient_id: spec.recipient,
		recipient_iso3: spec.recipientIso3, issued_on: dayOf(spec.issued), issued_on_approximate: false,
		issued_on_precision: precisionOf(spec.issued),
		// The record gives no reference numbers for its correspondence.
		reference: null, failure: null, visibility: 'public', synthetic: false
	});
	for (const itemId of spec.items) ctx.b.data.trace_request_items.push({ request_id: requestId, item_id: itemId });
	const responseId = ctx.b.nextId('trace_responses');
	ctx.b.data.trace_responses.push({
		id: responseId, request_id: requestId, received_on: dayOf(spec.received), received_on_precision: precisionOf(spec.received), class: spec.cls,
		prompted_secondary: false, summary: spec.summary, visibility: 'public', synthetic: false
	});
	for (const factor of spec.factors) ctx.b.data.trace_response_factors.push({ response_id: responseId, factor_code: factor });
	ctx.fixed.push({
		group: spec.group, recipientIso3: spec.recipientIso3, kind: 'primary', year: Number(dayOf(spec.issued).slice(0, 4)),
		cls: spec.cls, factors: spec.factors, prompted: false
	});
	return responseId;
}

interface ConsignmentSpec {
	reference: string;
	description: string;
	originIso3: string | null;
	from: number;
	to: number;
	shippedFrom: string | null;
	shippedTo: string | null;
	quantity?: number;
	orderNumber?: string;
	orderedOn?: string;
	contractNumber?: string;
	evidence: number;
	waypoints: { role: 'origin' | 'destination' | 'transit'; place: string; iso3: string; lon: number; lat: number }[];
}

function consignment(ctx: Ctx, spec: ConsignmentSpec): number {
	const id = ctx.b.nextId('consignments');
	ctx.b.data.consignments.push({
		id, reference: spec.reference, description: spec.description, origin_iso3: spec.originIso3,
		contract_number: spec.contractNumber ?? null, order_number: spec.orderNumber ?? null,
		ordered_on: spec.orderedOn ?? null, visibility: 'public', synthetic: false
	});
	const transferId = ctx.b.nextId('transfers');
	ctx.b.data.transfers.push({
		id: transferId, consignment_id: id, from_party_id: spec.from, to_party_id: spec.to,
		shipped_from: spec.shippedFrom, shipped_to: spec.shippedTo, quantity: spec.quantity ?? null,
		contract_number: spec.contractNumber ?? null, order_number: spec.orderNumber ?? null,
		ordered_on: spec.orderedOn ?? null, evidence_response_id: spec.evidence, visibility: 'public', synthetic: false
	});
	spec.waypoints.forEach((w, i) =>
		ctx.b.data.transfer_waypoints.push({
			transfer_id: transferId, seq: i + 1, role: w.role, place_name: w.place, country_iso3: w.iso3, geom: point(w.lon, w.lat)
		})
	);
	return id;
}

function assign(ctx: Ctx, itemIds: number[], consignmentId: number) {
	for (const row of ctx.b.data.items) if (itemIds.includes(row.id)) row.consignment_id = consignmentId;
}

function diversionCase(ctx: Ctx, spec: {
	title: string; mechanism: DiversionMechanism;
	iso3: string; summary: string; items: number[]; sites: number[];
	parties: [number, 'manufacturer' | 'exporter' | 'authorised_recipient' | 'intermediary' | 'diverter' | 'end_holder'][];
	routes: [number, number][]; // consignment, site
}): number {
	const id = ctx.b.nextId('diversion_cases');
	ctx.b.data.diversion_cases.push({
		id, title: spec.title, mechanism: spec.mechanism, country_iso3: spec.iso3, diverted_from: null, diverted_to: null,
		// The Digest is dated December 2020, without a day; the report's citation says so.
		summary: spec.summary, source_id: ctx.sourceId, report_id: ctx.reportId, published_on: null,
		visibility: 'public', synthetic: false
	});
	for (const itemId of spec.items) ctx.b.data.case_items.push({ case_id: id, item_id: itemId });
	for (const siteId of new Set(spec.sites)) ctx.b.data.case_sites.push({ case_id: id, site_id: siteId });
	for (const [partyId, role] of spec.parties) ctx.b.data.case_parties.push({ case_id: id, party_id: partyId, role });
	for (const [consignmentId, siteId] of spec.routes) {
		ctx.b.data.routes.push({
			id: ctx.b.nextId('routes'), consignment_id: consignmentId, site_id: siteId, case_id: id,
			status: 'reconstructed', visibility: 'public', synthetic: false
		});
	}
	return id;
}

/** Adds the real records and returns the trace requests the calibration must count. */
export function addRealRecords(b: DatasetBuilder, countryName: (iso3: string) => string): FixedRequest[] {
	const reportId = b.nextId('reports');
	b.data.reports.push({
		// The Digest is dated December 2020 without a day: the citation carries the month.
		id: reportId, title: 'Diversion Digest, Issue 03', publisher: 'Conflict Armament Research',
		published_on: null, url: null, citation: DIGEST_CITATION, visibility: 'public', synthetic: false
	});
	const sourceId = b.addSource({ kind: 'publication', name: 'Conflict Armament Research (published case record)', citation: DIGEST_CITATION, url: null, synthetic: false });
	const ctx: Ctx = { b, countryName, sourceId, reportId, fixed: [] };
	const state = (iso3: string) => b.stateParty(iso3, (c) => `Government of ${countryName(c)}`);
	const party = (kind: 'manufacturer' | 'company' | 'state' | 'state_force' | 'armed_group', name: string, iso3: string | null, extra: { red_flag?: boolean; red_flag_reason?: string } = {}) =>
		b.addParty({ kind, name, country_iso3: iso3, visibility: 'public', synthetic: false, source_id: sourceId, ...extra });
	// Waypoints the record places only in a country are drawn at a named town and say so.
	const drawnAt = (role: 'origin' | 'destination' | 'transit', place: string, iso3: string, lon: number, lat: number) => ({ role, place, iso3, lon, lat });
	const libyaDelivery = drawnAt('destination', 'Libya (place of delivery not published; drawn at Tripoli)', 'LBY', 13.18733, 32.88743);

	// --- Letfallah II: former Libyan stocks intercepted at Tripoli, Lebanon -----------------
	const fn = party('manufacturer', 'FN Herstal', 'BEL');
	const cugir = party('manufacturer', 'Uzina Mecanică Cugir', 'ROU');
	const libya = state('LBY');
	const libyanSecurityForce = party('state_force', 'Libyan Security Force', 'LBY');
	const roundsMaker = party('manufacturer', 'Maker of the 155 mm rounds (not named in the published record)', null);
	const tripoli = site(ctx, 'Tripoli', 'LBN', 35.84972, 34.43667);
	// Who stopped the ship is not in the record: no holding party.
	const seizure = event(ctx, tripoli, '2012-04-27', 'seized', null,
		'Cargo of the ship Letfallah II, intercepted at Tripoli: weapons of many ages from ten countries of manufacture, reportedly bound for Syrian rebel forces. Who intercepted it is not stated in the published record.');
	// Calibres are left empty where the record does not give them (it does for the FPK).
	const mag = item(ctx, { event_id: seizure, category: 'weapon', item_type: 'machine gun', model: 'FN MAG', manufacturer_id: fn, made_in_iso3: 'BEL', serial_number: '99352' });
	const falOrders: [string, string, string[]][] = [
		['23-2-6255', '1975-08-29', ['1225111', '1243069', '1232064', '1240363']],
		['23-2-4709', '1973-07-30', ['995754', '1004805']],
		['A752', '1967-12-18', ['781694']],
		['A934', '1968-05-13', ['798432', '792525']]
	];
	const falItems = falOrders.map(([, , serials]) =>
		serials.map((serial) => item(ctx, { event_id: seizure, category: 'weapon', item_type: 'rifle', model: 'FN FAL', manufacturer_id: fn, made_in_iso3: 'BEL', serial_number: serial }))
	);
	const fpk = item(ctx, { event_id: seizure, category: 'weapon', item_type: 'sniper rifle', model: 'FPK', calibre: '7.62 x 54R mm', manufacturer_id: cugir, made_in_iso3: 'ROU', lot_number: 'F-7503', construction_notes: 'Made 1976-78 according to the Romanian trace response.' });
	// Italy answered for these rounds; the record names neither their maker nor where they were made.
	const shells = item(ctx, { event_id: seizure, category: 'ammunition', item_type: 'artillery projectile', model: '155 mm RDX-TNT round', calibre: '155 mm' });

	const belgiumMag = trace(ctx, { recipient: state('BEL'), group: 'state', recipientIso3: 'BEL', issued: '2015-08-05', received: '2015-10-09', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given'], items: [mag],
		summary: 'Belgium confirmed the FN Herstal machine gun and its order of 4 October 1979, and that it was delivered to Libya; the delivery date is not given.' });
	const belgiumFal = trace(ctx, { recipient: state('BEL'), group: 'state', recipientIso3: 'BEL', issued: '2015-08-05', received: '2015-10-09', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given'], items: falItems.flat(),
		summary: 'Belgium tied each FN FAL rifle to one of four orders of 1967 to 1975 and said all were delivered to Libya; the delivery dates are not given.' });
	const romania = trace(ctx, { recipient: state('ROU'), group: 'state', recipientIso3: 'ROU', issued: '2015-08-20', received: '2015-10-07', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'manufacture_date_given', 'recipient_given', 'delivery_dates_given', 'retention_expired'], items: [fpk],
		summary: 'Romania said the sniper rifle lot was made at Cugir in 1976-78 and exported to Libya from army stocks in 1978-79; it holds no further records, as they are older than the retention period.' });
	const italy = trace(ctx, { recipient: state('ITA'), group: 'state', recipientIso3: 'ITA', issued: unpublished('2016-12-15'), received: '2016-12-15', cls: 'permissive',
		factors: ['recipient_given', 'delivery_dates_given'], items: [shells],
		summary: 'Italy said the 155 mm rounds were made under a Libyan contract of the 1980s and delivered in 1982-85 to the "Libyan Security Force"; its records are incomplete. The request date is not published.' });

	const belgiumDispatch = drawnAt('origin', 'Belgium (place of dispatch not published; drawn at Herstal)', 'BEL', 5.62346, 50.66415);
	const magOrder = consignment(ctx, { reference: 'FN order 23-2-7520', description: 'FN MAG machine gun delivered to Libya', originIso3: 'BEL', from: fn, to: libya, shippedFrom: null, shippedTo: null, orderNumber: '23-2-7520', orderedOn: '1979-10-04', evidence: belgiumMag, waypoints: [belgiumDispatch, libyaDelivery] });
	assign(ctx, [mag], magOrder);
	const falConsignments = falOrders.map(([order, day], i) => {
		const id = consignment(ctx, { reference: `FN order ${order}`, description: 'FN FAL rifles delivered to Libya', originIso3: 'BEL', from: fn, to: libya, shippedFrom: null, shippedTo: null, orderNumber: order, orderedOn: day, evidence: belgiumFal, waypoints: [belgiumDispatch, libyaDelivery] });
		assign(ctx, falItems[i], id);
		return id;
	});
	// Years only: the shipping window is stored as the first and last day of those years.
	const fpkExport = consignment(ctx, { reference: 'Romanian army stocks to Libya, 1978-79', description: 'FPK sniper rifles exported from Romanian army stocks', originIso3: 'ROU', from: state('ROU'), to: libya, shippedFrom: '1978-01-01', shippedTo: '1979-12-31', evidence: romania, waypoints: [drawnAt('origin', 'Romania (army stocks; place not published; drawn at Cugir)', 'ROU', 23.36998, 45.83651), libyaDelivery] });
	assign(ctx, [fpk], fpkExport);
	const shellContract = consignment(ctx, { reference: 'Libyan contract, 155 mm rounds, 1980s', description: '155 mm artillery rounds delivered 1982-85', originIso3: 'ITA', from: roundsMaker, to: libyanSecurityForce, shippedFrom: '1982-01-01', shippedTo: '1985-12-31', evidence: italy, waypoints: [drawnAt('origin', 'Italy (place of dispatch not published; drawn at Rome)', 'ITA', 12.4964, 41.9028), libyaDelivery] });
	assign(ctx, [shells], shellContract);
	diversionCase(ctx, {
		title: 'Letfallah II: former Libyan state stocks intercepted at Tripoli, Lebanon', mechanism: 'stockpile_leakage', iso3: 'LBN',
		summary: 'Weapons on the Letfallah II, intercepted at Tripoli (Lebanon) on 27 April 2012, came from ten countries of manufacture. Trace responses from Belgium, Italy and Romania showed the sampled items had been exported to the Government of Libya in the 1960s to 1980s: they had left former Libyan stockpiles.',
		items: [mag, ...falItems.flat(), fpk, shells], sites: [tripoli],
		parties: [[fn, 'manufacturer'], [cugir, 'manufacturer'], [roundsMaker, 'manufacturer'], [state('ROU'), 'exporter'], [libya, 'authorised_recipient'], [libyanSecurityForce, 'authorised_recipient']],
		routes: [[magOrder, tripoli], ...falConsignments.map((c) => [c, tripoli] as [number, number]), [fpkExport, tripoli], [shellContract, tripoli]]
	});
	// No right-of-reply row: the record gives Romania's answer (the trace response above),
	// not a text agreed with Romania, so there is no locked text to publish.

	// --- One consignment, six places (Iraq) -------------------------------------------------
	const islamicState = party('armed_group', 'Islamic State', 'IRQ');
	const iraq = state('IRQ');
	const europeanState = b.addParty({ kind: 'state', name: 'A European exporting state (not named in the published record)', country_iso3: null, visibility: 'public', synthetic: false, source_id: sourceId });
	const place = (name: string, lon: number, lat: number, precision: 'town' | 'country' = 'town') => site(ctx, name, 'IRQ', lon, lat, precision);
	const nayif = place('Nayif Al Huza (not geo-referenced in the published record; shown at the country centre)', 43.68, 33.22, 'country');
	const tikrit = place('Tikrit', 43.67861, 34.61581);
	const bashiqa = place('Bashiqa', 43.3497, 36.4528);
	const hawija = place('Al Hawija', 43.77267, 35.32592);
	const qaraqosh = place('Qaraqosh (Al-Hamdaniya)', 43.37758, 36.27093);
	const ramadi = place('Ramadi', 43.30778, 33.42056);
	// The two traced rounds: the record gives the period and the two towns, not which round
	// was found where, nor the days.
	const tracedNote = 'One of the two traced mortar rounds (81 mm and 120 mm) was recovered here from Islamic State fighters between October 2014 and April 2015; the record does not say which round, nor the day.';
	const round81 = item(ctx, { event_id: event(ctx, nayif, unpublished('2014-10-01'), 'recovered', islamicState, tracedNote), category: 'ammunition', item_type: 'mortar round', calibre: '81 mm' });
	const round120 = item(ctx, { event_id: event(ctx, tikrit, unpublished('2014-10-01'), 'recovered', islamicState, tracedNote), category: 'ammunition', item_type: 'mortar round', calibre: '120 mm' });
	// Five empty crates and two more rounds at five places (Tikrit again): the record gives
	// neither which item came from which place nor any date or holder.
	const laterNote = 'Named in the record among the places where five empty crates and two more rounds tied to the same consignment were recovered; which of them came from here, when, and from whom, is not published.';
	const tied: number[] = [];
	for (const [siteId, extraRound] of [[bashiqa, false], [hawija, true], [qaraqosh, false], [ramadi, true], [tikrit, false]] as const) {
		const ev = event(ctx, siteId, unpublished('2015-04-30'), 'recovered', null, laterNote);
		tied.push(item(ctx, { event_id: ev, category: 'related', item_type: 'mortar round crate (empty)' }));
		if (extraRound) tied.push(item(ctx, { event_id: ev, category: 'ammunition', item_type: 'mortar round' }));
	}
	const mortarItems = [round81, round120, ...tied];
	const mortarTrace = trace(ctx, { recipient: europeanState, group: 'state', recipientIso3: null, issued: unpublished('2015-06-01'), received: unpublished('2015-12-01'), cls: 'permissive',
		factors: ['recipient_given', 'transfer_documents_given'], items: [round81, round120],
		summary: 'The exporting state traced the two rounds to a consignment for the Government of Iraq; the consignment\'s documents tied five empty crates and two more rounds to it. The dates of the request and the response are not published.' });
	const mortarConsignment = consignment(ctx, { reference: 'Mortar rounds for the Government of Iraq', description: '81 mm and 120 mm mortar rounds, one documented consignment', originIso3: null, from: europeanState, to: iraq, shippedFrom: null, shippedTo: null, evidence: mortarTrace,
		waypoints: [drawnAt('destination', 'Iraq (place of delivery not published; drawn at Baghdad)', 'IRQ', 44.40088, 33.34058)] });
	assign(ctx, mortarItems, mortarConsignment);
	const mortarSites = [nayif, tikrit, bashiqa, hawija, qaraqosh, ramadi];
	diversionCase(ctx, {
		title: 'One mortar consignment, six places in Iraq', mechanism: 'unknown', iso3: 'IRQ',
		summary: 'An 81 mm and a 120 mm mortar round recovered from Islamic State fighters at Nayif Al Huza and Tikrit were traced to a consignment for the Government of Iraq; its documents tied five empty crates and two more rounds, recovered at Bashiqa, Hawija, Qaraqosh, Ramadi and again Tikrit, to the same consignment: six places in all. How it left the Government of Iraq is not published.',
		items: mortarItems, sites: mortarSites, parties: [[europeanState, 'exporter'], [iraq, 'authorised_recipient'], [islamicState, 'end_holder']],
		routes: mortarSites.map((s) => [mortarConsignment, s] as [number, number])
	});

	// --- Sorbitol (Iraq/Syria) -------------------------------------------------------------
	const sorbitolMaker = party('company', 'Sorbitol manufacturer (not named in the published record)', null);
	const distributor = party('company', 'Turkish distributor (not named in the published record)', 'TUR', {
		red_flag: true, red_flag_reason: 'Bought all of a manufacturer\'s sorbitol and supplied it to sister companies in Syria; the sorbitol was found in Islamic State production sites (Diversion Digest, Issue 03).'
	});
	// Hawija is one town: the sorbitol was found at the same site as the mortar items.
	const sorbitolEvent = event(ctx, hawija, yearOnly(2017), 'recovered', islamicState, 'Sorbitol in an Islamic State production site at Hawija in 2017 (the record gives the year only); it was also found in such sites in 2016.');
	const sorbitol = item(ctx, { event_id: sorbitolEvent, category: 'dual_use', item_type: 'sorbitol' });
	const sorbitolTrace = trace(ctx, { recipient: sorbitolMaker, group: 'company', recipientIso3: null, issued: unpublished('2017-01-01'), received: unpublished('2017-11-15'), cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given', 'quantity_given'], items: [sorbitol],
		summary: 'The manufacturer named a Turkish distributor that had bought all of it (78 tonnes) and supplied sister companies in Syria. The dates of the request and the response are not published.' });
	const sorbitolConsignment = consignment(ctx, { reference: 'Sorbitol sold to a Turkish distributor', description: '78 tonnes, onward to sister companies in Syria', originIso3: null, from: sorbitolMaker, to: distributor, shippedFrom: null, shippedTo: null, quantity: 78, evidence: sorbitolTrace,
		waypoints: [drawnAt('transit', 'Türkiye (distributor; town not published; drawn at Ankara)', 'TUR', 32.85427, 39.91987)] });
	assign(ctx, [sorbitol], sorbitolConsignment);
	diversionCase(ctx, {
		title: 'Sorbitol in Islamic State production sites via a Turkish distributor', mechanism: 'unknown', iso3: 'IRQ',
		summary: 'Sorbitol found in Islamic State production sites (2016; Hawija 2017) was traced through its manufacturer to a Turkish distributor that bought all of it and supplied sister companies in Syria: 78 tonnes, 40 % of Turkish sorbitol exports to Syria in 2015, which rose from 16.5 tonnes in 2014 to about 187 tonnes. The manufacturer suspended sales to conflict areas on 10 December 2017.',
		items: [sorbitol], sites: [hawija], parties: [[sorbitolMaker, 'manufacturer'], [distributor, 'intermediary'], [islamicState, 'end_holder']],
		routes: [[sorbitolConsignment, hawija]]
	});

	// --- Girsan pistols (Burkina Faso) -----------------------------------------------------
	const girsan = party('manufacturer', 'Girsan', 'TUR');
	const trader = party('company', 'Trader in Ouagadougou (not named in the published record)', 'BFA');
	const burkina = site(ctx, 'Burkina Faso (place not published; shown at Ouagadougou)', 'BFA', -1.53388, 12.36566, 'country');
	const burkinaEvent = event(ctx, burkina, unpublished('2019-03-01'), 'recovered', null, 'Pistols documented in Burkina Faso; the record gives no place, date or holder.');
	const mc21 = item(ctx, { event_id: burkinaEvent, category: 'weapon', item_type: 'pistol', model: 'MC21', manufacturer_id: girsan, made_in_iso3: 'TUR', serial_number: 'T6368-13 G00356' });
	const zigana = item(ctx, { event_id: burkinaEvent, category: 'weapon', item_type: 'pistol', model: 'Zigana 36', serial_number: 'T0620-10H00582', construction: ['counterfeit'], construction_notes: 'Not made by Girsan: its genuine serials begin T6368.' });
	const girsanTrace = trace(ctx, { recipient: girsan, group: 'company', recipientIso3: 'TUR', issued: '2019-03-08', received: '2019-03-13', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given', 'delivery_dates_given', 'quantity_given', 'transfer_documents_given'], items: [mc21],
		summary: 'Girsan sent the packing list and customs declaration: the pistol was sold in an order of 175 handguns to a trader in Ouagadougou and shipped on 4 December 2013.' });
	trace(ctx, { recipient: girsan, group: 'company', recipientIso3: 'TUR', issued: unpublished('2019-07-01'), received: '2019-08-07', cls: 'permissive',
		factors: [], items: [zigana],
		summary: 'Girsan answered that the pistol marked Zigana 36 is not its product, since its genuine serials begin T6368: a counterfeit. The request date is not published.' });
	const girsanShipment = consignment(ctx, { reference: 'Girsan handguns to Ouagadougou', description: '175 handguns for a trader in Ouagadougou', originIso3: 'TUR', from: girsan, to: trader, shippedFrom: '2013-12-04', shippedTo: '2013-12-04', quantity: 175, evidence: girsanTrace,
		waypoints: [drawnAt('origin', 'Türkiye (place of dispatch not published; drawn at Ankara)', 'TUR', 32.85427, 39.91987), drawnAt('destination', 'Ouagadougou', 'BFA', -1.53388, 12.36566)] });
	assign(ctx, [mc21], girsanShipment);
	diversionCase(ctx, {
		title: 'Girsan pistols in Burkina Faso: a trader\'s order and a counterfeit', mechanism: 'unknown', iso3: 'BFA',
		summary: 'A Girsan MC21 pistol documented in Burkina Faso was sold in an order of 175 handguns to a trader in Ouagadougou and shipped on 4 December 2013. A second pistol, a "Zigana 36", was not made by Girsan: a counterfeit.',
		items: [mc21, zigana], sites: [burkina], parties: [[girsan, 'manufacturer'], [trader, 'authorised_recipient']],
		routes: [[girsanShipment, burkina]]
	});

	// --- Modified commercial drones (Iraq, 2017) -------------------------------------------
	const droneMaker = party('company', 'Commercial drone manufacturer (not named in the published record)', null);
	const iraqUnplaced = site(ctx, 'Iraq (place not published; shown at the country centre)', 'IRQ', 43.68, 33.22, 'country');
	const droneEvent = event(ctx, iraqUnplaced, yearOnly(2017), 'recovered', islamicState, 'Commercial drones modified by Islamic State forces to drop munitions, documented in Iraq in 2017; the record gives no town, day or number of drones.');
	const drone = item(ctx, { event_id: droneEvent, category: 'dual_use', item_type: 'drone (commercial, modified)', construction_notes: 'Modified to drop munitions. One record for the drones: their number is not published.' });
	trace(ctx, { recipient: droneMaker, group: 'company', recipientIso3: null, issued: unpublished('2017-06-01'), received: unpublished('2017-09-01'), cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given'], items: [drone],
		summary: 'The drones were traced to several countries in Europe and the Middle East; the maker had already geofenced Iraq and Syria. The dates of the request and the response are not published.' });
	diversionCase(ctx, {
		title: 'Commercial drones modified to drop munitions', mechanism: 'unknown', iso3: 'IRQ',
		summary: 'Commercial drones modified by Islamic State forces in Iraq in 2017 to drop munitions were traced to several countries in Europe and the Middle East; the maker had already geofenced Iraq and Syria.',
		items: [drone], sites: [iraqUnplaced], parties: [[droneMaker, 'manufacturer'], [islamicState, 'end_holder']], routes: []
	});

	return ctx.fixed;
}
