// Real, published case records (Diversion Digest Issue 03, Conflict Armament Research,
// December 2020), entered as real rows with their source. Summaries are our own words.
// Where the published record leaves something out (a request date, a place), the row
// says so rather than inventing it.
import type { DatasetBuilder } from './builder.ts';
import { point, type ItemRow, type TraceFactor, type TraceResponseClass } from './rows.ts';

export const DIGEST_CITATION =
	'Conflict Armament Research, "Diversion Digest", Issue 03, London, December 2020.';

/** A real request as the calibration plan must count it. */
export interface FixedRequest {
	group: 'state' | 'company';
	recipientIso3: string | null;
	kind: 'primary' | 'secondary';
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

function event(ctx: Ctx, siteId: number, day: string, context: 'recovered' | 'seized' | 'held', holder: number | null, notes: string): number {
	const id = ctx.b.nextId('documentation_events');
	ctx.b.data.documentation_events.push({
		id, site_id: siteId, documented_on: day, context, holding_party_id: holder, source_id: ctx.sourceId,
		verification: 'verified', notes, visibility: 'public', synthetic: false
	});
	return id;
}

interface TraceSpec {
	recipient: number;
	group: 'state' | 'company';
	recipientIso3: string | null;
	issued: string;
	approximate?: boolean;
	received: string;
	cls: TraceResponseClass;
	factors: TraceFactor[];
	summary: string;
	items: number[];
	reference: string;
}

function trace(ctx: Ctx, spec: TraceSpec): number {
	const requestId = ctx.b.nextId('trace_requests');
	ctx.b.data.trace_requests.push({
		id: requestId, kind: 'primary', parent_request_id: null, recipient_id: spec.recipient,
		recipient_iso3: spec.recipientIso3, issued_on: spec.issued, issued_on_approximate: spec.approximate ?? false,
		reference: spec.reference, failure: null, visibility: 'public', synthetic: false
	});
	for (const itemId of spec.items) ctx.b.data.trace_request_items.push({ request_id: requestId, item_id: itemId });
	const responseId = ctx.b.nextId('trace_responses');
	ctx.b.data.trace_responses.push({
		id: responseId, request_id: requestId, received_on: spec.received, class: spec.cls,
		prompted_secondary: false, summary: spec.summary, visibility: 'public', synthetic: false
	});
	for (const factor of spec.factors) ctx.b.data.trace_response_factors.push({ response_id: responseId, factor_code: factor });
	ctx.fixed.push({
		group: spec.group, recipientIso3: spec.recipientIso3, kind: 'primary', year: Number(spec.issued.slice(0, 4)),
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
	title: string; mechanism: 'stockpile_leakage' | 'in_transit' | 'state_supply' | 'unknown' | 'battlefield_capture';
	iso3: string; summary: string; items: number[]; sites: number[];
	parties: [number, 'manufacturer' | 'exporter' | 'authorised_recipient' | 'intermediary' | 'diverter' | 'end_holder'][];
	routes: [number, number][]; // consignment, site
}): number {
	const id = ctx.b.nextId('diversion_cases');
	ctx.b.data.diversion_cases.push({
		id, title: spec.title, mechanism: spec.mechanism, country_iso3: spec.iso3, diverted_from: null, diverted_to: null,
		summary: spec.summary, source_id: ctx.sourceId, report_id: ctx.reportId, published_on: '2020-12-01',
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
		id: reportId, title: 'Diversion Digest, Issue 03', publisher: 'Conflict Armament Research',
		published_on: '2020-12-01', url: null, citation: DIGEST_CITATION, visibility: 'public', synthetic: false
	});
	const sourceId = b.addSource({ kind: 'publication', name: 'Conflict Armament Research (published case record)', citation: DIGEST_CITATION, url: null, synthetic: false });
	const ctx: Ctx = { b, countryName, sourceId, reportId, fixed: [] };
	const state = (iso3: string) => b.stateParty(iso3, (c) => `Government of ${countryName(c)}`);
	const party = (kind: 'manufacturer' | 'company' | 'state' | 'state_force' | 'armed_group', name: string, iso3: string | null, extra: { red_flag?: boolean; red_flag_reason?: string } = {}) =>
		b.addParty({ kind, name, country_iso3: iso3, visibility: 'public', synthetic: false, source_id: sourceId, ...extra });

	// --- Letfallah II: former Libyan stocks seized at Tripoli, Lebanon ---------------------
	const fn = party('manufacturer', 'FN Herstal', 'BEL');
	const cugir = party('manufacturer', 'Uzina Mecanică Cugir', 'ROU');
	const libya = state('LBY');
	const libyanSecurityForce = party('state_force', 'Libyan Security Force', 'LBY');
	const lebaneseAuthorities = party('state_force', 'Lebanese authorities', 'LBN');
	const tripoliPort = site(ctx, 'Tripoli port', 'LBN', 35.84415, 34.43352);
	const seizure = event(ctx, tripoliPort, '2012-04-27', 'seized', lebaneseAuthorities,
		'Cargo of the ship Letfallah II, stopped at Tripoli; weapons and ammunition of many ages from ten producing countries, reportedly headed for armed opposition groups in Syria.');
	const mag = item(ctx, { event_id: seizure, category: 'weapon', item_type: 'machine gun', model: 'FN MAG', calibre: '7.62 x 51 mm', manufacturer_id: fn, made_in_iso3: 'BEL', serial_number: '99352' });
	const falOrders: [string, string, string[]][] = [
		['23-2-6255', '1975-08-29', ['1225111', '1243069', '1232064', '1240363']],
		['23-2-4709', '1973-07-30', ['995754', '1004805']],
		['A752', '1967-12-18', ['781694']],
		['A934', '1968-05-13', ['798432', '792525']]
	];
	const falItems = falOrders.map(([, , serials]) =>
		serials.map((serial) => item(ctx, { event_id: seizure, category: 'weapon', item_type: 'rifle', model: 'FN FAL', calibre: '7.62 x 51 mm', manufacturer_id: fn, made_in_iso3: 'BEL', serial_number: serial }))
	);
	const fpk = item(ctx, { event_id: seizure, category: 'weapon', item_type: 'sniper rifle', model: 'FPK', calibre: '7.62 x 54R mm', manufacturer_id: cugir, made_in_iso3: 'ROU', lot_number: 'F-7503', construction_notes: 'Made 1976-78 according to the Romanian trace response.' });
	const shells = item(ctx, { event_id: seizure, category: 'ammunition', item_type: 'artillery projectile', model: '155 mm RDX-TNT round', calibre: '155 mm', made_in_iso3: 'ITA' });

	const belgiumMag = trace(ctx, { recipient: state('BEL'), group: 'state', recipientIso3: 'BEL', issued: '2015-08-05', received: '2015-10-09', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given'], items: [mag], reference: 'Letfallah II / BEL-1',
		summary: 'Belgium confirmed that FN Herstal made the machine gun and delivered it to Libya under an order of October 1979; the delivery date is not given.' });
	const belgiumFal = trace(ctx, { recipient: state('BEL'), group: 'state', recipientIso3: 'BEL', issued: '2015-08-05', received: '2015-10-09', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given'], items: falItems.flat(), reference: 'Letfallah II / BEL-2',
		summary: 'Belgium linked each FN FAL rifle to one of four orders placed by Libya between 1967 and 1979 and confirmed delivery to Libya, without dates.' });
	const romania = trace(ctx, { recipient: state('ROU'), group: 'state', recipientIso3: 'ROU', issued: '2015-08-20', received: '2015-10-07', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'manufacture_date_given', 'recipient_given', 'delivery_dates_given', 'retention_expired'], items: [fpk], reference: 'Letfallah II / ROU-1',
		summary: 'Romania identified the sniper rifle lot as made at Cugir in 1976-78 and exported from army stocks to Libya in 1978-79; older records are no longer held.' });
	const italy = trace(ctx, { recipient: state('ITA'), group: 'state', recipientIso3: 'ITA', issued: '2016-01-01', approximate: true, received: '2016-12-15', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given', 'delivery_dates_given'], items: [shells], reference: 'Letfallah II / ITA-1',
		summary: 'Italy traced the 155 mm rounds to a Libyan contract of the 1980s, delivered in 1982-85 to the Libyan Security Force; its records are incomplete. The request date is not published (year shown).' });

	const herstal = { role: 'origin' as const, place: 'Herstal', iso3: 'BEL', lon: 5.62346, lat: 50.66415 };
	const tripoliLibya = { role: 'destination' as const, place: 'Tripoli', iso3: 'LBY', lon: 13.18733, lat: 32.88743 };
	const magOrder = consignment(ctx, { reference: 'FN order 23-2-7520', description: 'FN MAG machine guns ordered by Libya', originIso3: 'BEL', from: fn, to: libya, shippedFrom: null, shippedTo: null, orderNumber: '23-2-7520', orderedOn: '1979-10-04', evidence: belgiumMag, waypoints: [herstal, tripoliLibya] });
	assign(ctx, [mag], magOrder);
	const falConsignments = falOrders.map(([order, day], i) => {
		const id = consignment(ctx, { reference: `FN order ${order}`, description: 'FN FAL rifles ordered by Libya', originIso3: 'BEL', from: fn, to: libya, shippedFrom: null, shippedTo: null, orderNumber: order, orderedOn: day, evidence: belgiumFal, waypoints: [herstal, tripoliLibya] });
		assign(ctx, falItems[i], id);
		return id;
	});
	const fpkExport = consignment(ctx, { reference: 'Romanian army stocks to Libya, 1978-79', description: 'FPK sniper rifles exported from Romanian army stocks', originIso3: 'ROU', from: state('ROU'), to: libya, shippedFrom: '1978-01-01', shippedTo: '1979-12-31', evidence: romania, waypoints: [{ role: 'origin', place: 'Cugir', iso3: 'ROU', lon: 23.36998, lat: 45.83651 }, tripoliLibya] });
	assign(ctx, [fpk], fpkExport);
	const shellContract = consignment(ctx, { reference: 'Libyan contract, 155 mm rounds, 1980s', description: '155 mm artillery rounds delivered 1982-85', originIso3: 'ITA', from: state('ITA'), to: libyanSecurityForce, shippedFrom: '1982-01-01', shippedTo: '1985-12-31', evidence: italy, waypoints: [{ role: 'origin', place: 'Italy (place of dispatch not published)', iso3: 'ITA', lon: 12.4964, lat: 41.9028 }, tripoliLibya] });
	assign(ctx, [shells], shellContract);
	const letfallah = diversionCase(ctx, {
		title: 'Letfallah II: former Libyan state stocks seized at sea', mechanism: 'stockpile_leakage', iso3: 'LBN',
		summary: 'Materiel on the Letfallah II, stopped at Tripoli (Lebanon) in April 2012, was traced by Belgium, Italy and Romania to exports to the Government of Libya between the 1960s and 1980s: it had left Libyan state stocks.',
		items: [mag, ...falItems.flat(), fpk, shells], sites: [tripoliPort],
		parties: [[fn, 'manufacturer'], [cugir, 'manufacturer'], [state('BEL'), 'exporter'], [state('ROU'), 'exporter'], [state('ITA'), 'exporter'], [libya, 'authorised_recipient'], [lebaneseAuthorities, 'end_holder']],
		routes: [[magOrder, tripoliPort], ...falConsignments.map((c) => [c, tripoliPort] as [number, number]), [fpkExport, tripoliPort], [shellContract, tripoliPort]]
	});
	b.data.right_of_reply.push({ id: b.nextId('right_of_reply'), party_id: state('ROU'), response_id: romania, case_id: letfallah, version: 1,
		body: 'Romania states that the rifles were exported from army stocks to Libya in 1978-79 and that no further records exist beyond the retention period.',
		locked_on: '2016-02-01', visibility: 'public', synthetic: false });

	// --- One consignment, six places (Iraq) -------------------------------------------------
	const islamicState = party('armed_group', 'Islamic State', 'IRQ');
	const iraq = state('IRQ');
	const europeanState = b.addParty({ kind: 'state', name: 'A European exporting state (not named in the published record)', country_iso3: null, visibility: 'public', synthetic: false, source_id: sourceId });
	const towns: [string, number, number, 'town' | 'country'][] = [
		['Nayif Al Huza (not geo-referenced in the published record; shown at the country centre)', 43.68, 33.22, 'country'],
		['Tikrit', 43.67861, 34.61581, 'town'],
		['Bashiqa', 43.3497, 36.4528, 'town'],
		['Al Hawija', 43.77267, 35.32592, 'town'],
		['Qaraqosh (Al-Hamdaniya)', 43.37758, 36.27093, 'town'],
		['Ramadi', 43.30778, 33.42056, 'town']
	];
	const iraqSites = towns.map(([name, lon, lat, precision]) => site(ctx, name, 'IRQ', lon, lat, precision));
	const mortarItems: number[] = [];
	iraqSites.forEach((siteId, i) => {
		const day = ['2014-10-20', '2015-03-15', '2015-04-10', '2015-02-02', '2015-01-12', '2015-04-20'][i];
		const ev = event(ctx, siteId, day, 'recovered', islamicState, 'Recovered from Islamic State forces.');
		if (i === 0) mortarItems.push(item(ctx, { event_id: ev, category: 'ammunition', item_type: 'mortar round', calibre: '81 mm' }));
		else if (i === 1) mortarItems.push(item(ctx, { event_id: ev, category: 'ammunition', item_type: 'mortar round', calibre: '120 mm' }));
		if (i >= 1) mortarItems.push(item(ctx, { event_id: ev, category: 'related', item_type: 'mortar round crate (empty)', marking_state: 'intact' }));
		if (i === 3 || i === 5) mortarItems.push(item(ctx, { event_id: ev, category: 'ammunition', item_type: 'mortar round', construction_notes: 'The published record names the towns but not which town each of the two further rounds came from.' }));
	});
	const mortarTrace = trace(ctx, { recipient: europeanState, group: 'state', recipientIso3: null, issued: '2015-06-01', approximate: true, received: '2015-12-01', cls: 'permissive',
		factors: ['recipient_given', 'transfer_documents_given'], items: mortarItems.slice(0, 2), reference: 'IRQ mortar consignment',
		summary: 'The exporting state identified a consignment for the Government of Iraq; its documents tied empty crates and further rounds found elsewhere to the same shipment. Dates are approximate (year shown).' });
	const mortarConsignment = consignment(ctx, { reference: 'Mortar rounds for the Government of Iraq', description: '81 mm and 120 mm mortar rounds, one documented consignment', originIso3: null, from: europeanState, to: iraq, shippedFrom: null, shippedTo: null, evidence: mortarTrace,
		waypoints: [{ role: 'destination', place: 'Baghdad (delivery to the Government of Iraq)', iso3: 'IRQ', lon: 44.40088, lat: 33.34058 }] });
	assign(ctx, mortarItems, mortarConsignment);
	diversionCase(ctx, {
		title: 'One mortar consignment, six places in Iraq', mechanism: 'battlefield_capture', iso3: 'IRQ',
		summary: 'Two mortar rounds taken from Islamic State fighters in 2014-15 were traced to a consignment sold to the Government of Iraq; its documents matched crates and rounds found in four more towns, so one diversion explains six recovery sites.',
		items: mortarItems, sites: iraqSites, parties: [[europeanState, 'exporter'], [iraq, 'authorised_recipient'], [islamicState, 'end_holder']],
		routes: iraqSites.map((s) => [mortarConsignment, s] as [number, number])
	});

	// --- Sorbitol (Iraq/Syria) -------------------------------------------------------------
	const sorbitolMaker = party('company', 'Sorbitol manufacturer (not named in the published record)', null);
	const distributor = party('company', 'Turkish distributor (not named in the published record)', 'TUR', {
		red_flag: true, red_flag_reason: 'Bought a manufacturer\'s sorbitol and passed it to sister companies in Syria; the product was found in Islamic State production sites (Diversion Digest 03).'
	});
	const hawijaSorbitol = site(ctx, 'Al Hawija (production site)', 'IRQ', 43.77267, 35.32592);
	const sorbitolEvent = event(ctx, hawijaSorbitol, '2017-10-10', 'recovered', islamicState, 'Sorbitol in a former Islamic State production site; the same product was also found in 2016.');
	const sorbitol = item(ctx, { event_id: sorbitolEvent, category: 'dual_use', item_type: 'sorbitol', marking_state: 'intact' });
	const sorbitolTrace = trace(ctx, { recipient: sorbitolMaker, group: 'company', recipientIso3: null, issued: '2017-01-01', approximate: true, received: '2017-11-15', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given', 'quantity_given'], items: [sorbitol], reference: 'Sorbitol / IRQ',
		summary: 'The manufacturer named the Turkish distributor that had bought the whole lot (78 tonnes) and supplied sister companies in Syria. Dates approximate.' });
	const sorbitolConsignment = consignment(ctx, { reference: 'Sorbitol sold to a Turkish distributor', description: '78 tonnes, onward to sister companies in Syria', originIso3: null, from: sorbitolMaker, to: distributor, shippedFrom: null, shippedTo: null, quantity: 78, evidence: sorbitolTrace,
		waypoints: [{ role: 'transit', place: 'Türkiye (distributor; town not published)', iso3: 'TUR', lon: 37.38, lat: 37.07 }] });
	assign(ctx, [sorbitol], sorbitolConsignment);
	diversionCase(ctx, {
		title: 'Sorbitol for rocket motors via a Turkish distributor', mechanism: 'in_transit', iso3: 'IRQ',
		summary: 'Sorbitol found in Islamic State production sites was traced through its manufacturer to a Turkish distributor that supplied sister companies in Syria; its 78 tonnes were some 40 % of Turkish sorbitol exports to Syria in 2015. The manufacturer stopped sales to conflict areas on 10 December 2017.',
		items: [sorbitol], sites: [hawijaSorbitol], parties: [[sorbitolMaker, 'manufacturer'], [distributor, 'intermediary'], [islamicState, 'end_holder']],
		routes: [[sorbitolConsignment, hawijaSorbitol]]
	});

	// --- Girsan pistols (Burkina Faso) -----------------------------------------------------
	const girsan = party('manufacturer', 'Girsan', 'TUR');
	const trader = party('company', 'Trader in Ouagadougou (not named in the published record)', 'BFA');
	const burkina = site(ctx, 'Burkina Faso (place not published; shown at Ouagadougou)', 'BFA', -1.53388, 12.36566, 'country');
	const burkinaEvent = event(ctx, burkina, '2019-02-20', 'recovered', null, 'Pistols documented in Burkina Faso; the published record gives no town or exact date (shown as February 2019).');
	const mc21 = item(ctx, { event_id: burkinaEvent, category: 'weapon', item_type: 'pistol', model: 'MC21', manufacturer_id: girsan, made_in_iso3: 'TUR', serial_number: 'T6368-13 G00356' });
	const zigana = item(ctx, { event_id: burkinaEvent, category: 'weapon', item_type: 'pistol', model: 'Zigana 36 (as marked)', serial_number: 'T0620-10H00582', construction: ['counterfeit'], construction_notes: 'Girsan says it did not make this pistol: its serials begin T6368.' });
	const girsanTrace = trace(ctx, { recipient: girsan, group: 'company', recipientIso3: 'TUR', issued: '2019-03-08', received: '2019-03-13', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given', 'delivery_dates_given', 'quantity_given', 'transfer_documents_given'], items: [mc21], reference: 'Girsan / BFA-1',
		summary: 'Girsan sent the packing list and customs declaration: the pistol was one of 175 handguns sold to a trader in Ouagadougou and shipped on 4 December 2013.' });
	trace(ctx, { recipient: girsan, group: 'company', recipientIso3: 'TUR', issued: '2019-07-01', approximate: true, received: '2019-08-07', cls: 'permissive',
		factors: [], items: [zigana], reference: 'Girsan / BFA-2',
		summary: 'Girsan answered that the pistol marked as its Zigana 36 is not its product, since its genuine serials begin T6368: a counterfeit. Request date approximate.' });
	const girsanShipment = consignment(ctx, { reference: 'Girsan handguns to Ouagadougou', description: '175 handguns for a trader in Ouagadougou', originIso3: 'TUR', from: girsan, to: trader, shippedFrom: '2013-12-04', shippedTo: '2013-12-04', quantity: 175, evidence: girsanTrace,
		waypoints: [{ role: 'origin', place: 'Giresun', iso3: 'TUR', lon: 38.38741, lat: 40.91698 }, { role: 'destination', place: 'Ouagadougou', iso3: 'BFA', lon: -1.53388, lat: 12.36566 }] });
	assign(ctx, [mc21], girsanShipment);
	diversionCase(ctx, {
		title: 'Turkish pistols sold to a Ouagadougou trader', mechanism: 'unknown', iso3: 'BFA',
		summary: 'A Girsan MC21 pistol documented in Burkina Faso was one of 175 handguns sold to a trader in Ouagadougou in 2013; a second pistol bearing the same maker\'s markings proved counterfeit.',
		items: [mc21, zigana], sites: [burkina], parties: [[girsan, 'manufacturer'], [trader, 'authorised_recipient']],
		routes: [[girsanShipment, burkina]]
	});

	// --- Modified commercial drones (Iraq, 2017) -------------------------------------------
	const droneMaker = party('company', 'Commercial drone manufacturer (not named in the published record)', null);
	const mosul = site(ctx, 'Mosul', 'IRQ', 43.11889, 36.335);
	const droneEvent = event(ctx, mosul, '2017-03-01', 'recovered', islamicState, 'Commercial drones adapted to drop munitions; the month is approximate.');
	const drone = item(ctx, { event_id: droneEvent, category: 'dual_use', item_type: 'drone (commercial, modified)', construction_notes: 'Adapted to release small munitions.' });
	trace(ctx, { recipient: droneMaker, group: 'company', recipientIso3: null, issued: '2017-06-01', approximate: true, received: '2017-09-01', cls: 'permissive',
		factors: ['manufacturer_confirmed', 'recipient_given'], items: [drone], reference: 'Drones / IRQ',
		summary: 'The maker traced the drones to retailers in several European and Middle Eastern countries and said it had already geofenced Iraq and Syria. Dates approximate.' });
	diversionCase(ctx, {
		title: 'Commercial drones adapted to drop munitions', mechanism: 'unknown', iso3: 'IRQ',
		summary: 'Drones sold on the civilian market in Europe and the Middle East were modified by Islamic State forces in Iraq to drop munitions.',
		items: [drone], sites: [mosul], parties: [[droneMaker, 'manufacturer'], [islamicState, 'end_holder']], routes: []
	});

	return ctx.fixed;
}
