// Nothing invented is shown as real. Every row stored with synthetic = false is held here
// to the published record it comes from: RECORD is the "Public case records" section of
// DOMAIN.md (facts from the Diversion Digest, Issue 03), and REAL_ROWS is the table of values
// each real row may have, written from it: a row, text, date or figure that is not in the
// table fails, and so does a text naming a figure the record does not give. Where the record
// leaves a detail out, the row says so (a name "not named in the published record", a date
// precision of 'unpublished' whose stored placeholder must lie inside the record's bounds).
import { expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';

const RECORD = `Source: the Diversion Digest, Issue 03, December 2020 (Conflict Armament Research, London).
- **Letfallah II** – cargo ship intercepted at Tripoli, Lebanon, on 27 April 2012 with
  weapons of many ages and origins reportedly bound for Syrian rebel forces. Trace
  responses from Belgium, Italy and Romania showed the sampled materiel had been
  exported to the Government of Libya (1960s–1980s): former Libyan stockpiles, items
  from ten countries of manufacture.
  - Romania answered on 7 Oct 2015 a request of 20 Aug 2015: FPK sniper rifle,
    7.62 x 54R mm, lot F-7503, made by Uzina Mecanică Cugir 1976–78, exported to Libya
    1978–79 from army stocks; no further records (older than the 30/20-year retention).
  - Belgium answered on 9 Oct 2015 requests of 5 Aug 2015: FN Herstal FN MAG serial 99352
    (order 23-2-7520 of 4 Oct 1979) and FN FAL rifles, e.g. serials 1225111, 1243069,
    1232064, 1240363 (order 23-2-6255 of 29 Aug 1975), 995754 and 1004805 (order 23-2-4709
    of 30 Jul 1973), 781694 (order A752 of 18 Dec 1967), 798432 and 792525 (order A934
    of 13 May 1968) – all delivered to Libya, date unspecified.
  - Italy answered on 15 Dec 2016: 155 mm RDX-TNT artillery rounds made under a 1980s
    Libyan contract, delivered 1982–85 to the "Libyan Security Force"; records incomplete.
- **One consignment, six places (Iraq)** – an 81 mm and a 120 mm mortar round recovered
  from Islamic State fighters (Oct 2014 – Apr 2015) at Nayif Al Huza and Tikrit were
  traced with an exporting European state to a consignment for the Government of Iraq;
  its documents tied five empty crates and two more rounds recovered at Bashiqa, Hawija,
  Qaraqosh, Ramadi and again Tikrit to the same consignment.
- **Sorbitol (Iraq/Syria)** – sorbitol found in Islamic State production sites (2016; Hawija
  2017) traced via the manufacturer to a Turkish distributor who bought all of it and
  supplied sister companies in Syria (78 tonnes; 40 % of Turkish sorbitol exports to Syria
  in 2015, which rose from 16.5 t in 2014 to about 187 t); the manufacturer suspended
  sales to conflict areas on 10 Dec 2017.
- **Girsan pistols (Burkina Faso)** – an MC21 pistol, serial T6368-13 G00356, was sold in
  an order of 175 handguns to a trader in Ouagadougou and shipped 4 Dec 2013 (response of
  13 Mar 2019 to a request of 8 Mar 2019, with packing list and customs declaration). A
  "Zigana 36" with serial T0620-10H00582 was not Girsan-made: genuine serials begin T6368
  (response of 7 Aug 2019) – a counterfeit.
- **Modified drones (Iraq, 2017)** – commercial drones modified by Islamic State forces to
  drop munitions, traced to several countries in Europe and the Middle East; the maker had
  already geofenced Iraq and Syria.`;

/** A date the record does not give: the stored placeholder must lie inside these bounds. */
function within(min: string, max: string) {
	return {
		asymmetricMatch: (actual: unknown) => typeof actual === 'string' && actual >= min && actual <= max,
		toString: () => `a placeholder date from ${min} to ${max}`,
		toAsymmetricMatcher: () => `within(${min}, ${max})`
	};
}

/** Every real row, as the owner sees it (no row security: nothing real may hide from this). */
const REAL_ROWS_SQL = `
SELECT json_build_object(
 'reports', (SELECT json_agg(json_build_object('title', title, 'publisher', publisher, 'publishedOn', published_on, 'url', url, 'citation', citation) ORDER BY id) FROM atlas.reports WHERE NOT synthetic),
 'sources', (SELECT json_agg(json_build_object('kind', kind, 'name', name, 'citation', citation, 'url', url) ORDER BY id) FROM atlas.sources WHERE NOT synthetic),
 'parties', (SELECT json_agg(json_build_object('name', name, 'kind', kind, 'iso3', country_iso3, 'redFlag', red_flag, 'redFlagReason', red_flag_reason) ORDER BY name)
             FROM atlas.parties p WHERE NOT synthetic AND NOT (kind = 'state' AND source_id IS NULL AND NOT red_flag AND name = 'Government of ' || (SELECT c.name FROM atlas.countries c WHERE c.iso3 = p.country_iso3))),
 'sites', (SELECT json_agg(json_build_object('name', name, 'iso3', country_iso3, 'precision', precision) ORDER BY name) FROM atlas.sites WHERE NOT synthetic),
 'events', (SELECT json_agg(json_build_object('site', s.name, 'documentedOn', e.documented_on, 'precision', e.documented_on_precision, 'context', e.context,
             'holder', h.name, 'verification', e.verification, 'notes', e.notes,
             'items', (SELECT json_agg(concat_ws(' ', i.item_type, i.model, i.calibre, i.serial_number, i.lot_number) ORDER BY i.id) FROM atlas.items i WHERE i.event_id = e.id)) ORDER BY s.name, e.documented_on, e.id)
             FROM atlas.documentation_events e JOIN atlas.sites s ON s.id = e.site_id LEFT JOIN atlas.parties h ON h.id = e.holding_party_id WHERE NOT e.synthetic),
 'items', (SELECT json_agg(json_build_object('category', i.category, 'type', i.item_type, 'model', i.model, 'calibre', i.calibre, 'manufacturer', m.name, 'madeIn', i.made_in_iso3,
             'yearMade', i.year_made, 'serial', i.serial_number, 'lot', i.lot_number, 'factoryCode', i.factory_code, 'importMark', i.import_mark, 'marking', i.marking_state,
             'construction', i.construction, 'notes', i.construction_notes, 'quantity', i.quantity, 'site', s.name, 'consignment', k.reference) ORDER BY i.id)
             FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id JOIN atlas.sites s ON s.id = e.site_id
             LEFT JOIN atlas.parties m ON m.id = i.manufacturer_id LEFT JOIN atlas.consignments k ON k.id = i.consignment_id WHERE NOT i.synthetic),
 'traces', (SELECT json_agg(json_build_object('recipient', q.name, 'recipientIso3', r.recipient_iso3, 'kind', r.kind, 'issuedOn', r.issued_on, 'issuedPrecision', r.issued_on_precision,
             'reference', r.reference, 'failure', r.failure, 'receivedOn', p.received_on, 'receivedPrecision', p.received_on_precision, 'class', p.class,
             'prompted', p.prompted_secondary, 'summary', p.summary,
             'factors', (SELECT json_agg(f.factor_code ORDER BY f.factor_code) FROM atlas.trace_response_factors f WHERE f.response_id = p.id),
             'items', (SELECT json_agg(concat_ws(' ', i.item_type, i.calibre, i.serial_number, i.lot_number) ORDER BY i.id) FROM atlas.trace_request_items ri JOIN atlas.items i ON i.id = ri.item_id WHERE ri.request_id = r.id))
             ORDER BY r.id)
             FROM atlas.trace_requests r JOIN atlas.parties q ON q.id = r.recipient_id LEFT JOIN atlas.trace_responses p ON p.request_id = r.id WHERE NOT r.synthetic),
 'responsesWithoutRealRequest', (SELECT count(*) FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id WHERE NOT p.synthetic AND r.synthetic),
 'consignments', (SELECT json_agg(json_build_object('reference', k.reference, 'description', k.description, 'originIso3', k.origin_iso3, 'contract', k.contract_number,
             'order', k.order_number, 'orderedOn', k.ordered_on,
             'transfers', (SELECT json_agg(json_build_object('from', f.name, 'to', t.name, 'shippedFrom', x.shipped_from, 'shippedTo', x.shipped_to, 'quantity', x.quantity,
                  'contract', x.contract_number, 'order', x.order_number, 'orderedOn', x.ordered_on, 'synthetic', x.synthetic,
                  'waypoints', (SELECT json_agg(json_build_object('role', w.role, 'place', w.place_name, 'iso3', w.country_iso3) ORDER BY w.seq) FROM atlas.transfer_waypoints w WHERE w.transfer_id = x.id))
                  ORDER BY x.id)
               FROM atlas.transfers x JOIN atlas.parties f ON f.id = x.from_party_id JOIN atlas.parties t ON t.id = x.to_party_id WHERE x.consignment_id = k.id)) ORDER BY k.id)
             FROM atlas.consignments k WHERE NOT k.synthetic),
 'transfersOutsideRealConsignments', (SELECT count(*) FROM atlas.transfers x LEFT JOIN atlas.consignments k ON k.id = x.consignment_id WHERE NOT x.synthetic AND (k.id IS NULL OR k.synthetic)),
 'cases', (SELECT json_agg(json_build_object('title', d.title, 'mechanism', d.mechanism, 'iso3', d.country_iso3, 'divertedFrom', d.diverted_from, 'divertedTo', d.diverted_to,
             'summary', d.summary, 'publishedOn', d.published_on,
             'parties', (SELECT json_agg(concat(p.name, ': ', cp.role) ORDER BY p.name, cp.role) FROM atlas.case_parties cp JOIN atlas.parties p ON p.id = cp.party_id WHERE cp.case_id = d.id),
             'sites', (SELECT json_agg(s.name ORDER BY s.name) FROM atlas.case_sites cs JOIN atlas.sites s ON s.id = cs.site_id WHERE cs.case_id = d.id),
             'items', (SELECT count(*) FROM atlas.case_items ci WHERE ci.case_id = d.id),
             'routes', (SELECT count(*) FROM atlas.routes r WHERE r.case_id = d.id AND NOT r.synthetic)) ORDER BY d.id)
             FROM atlas.diversion_cases d WHERE NOT d.synthetic),
 'replies', (SELECT coalesce(json_agg(json_build_object('party', p.name, 'body', y.body, 'lockedOn', y.locked_on, 'version', y.version)), '[]'::json)
             FROM atlas.right_of_reply y JOIN atlas.parties p ON p.id = y.party_id WHERE NOT y.synthetic),
 'photos', (SELECT count(*) FROM atlas.item_photos ph JOIN atlas.items i ON i.id = ph.item_id WHERE NOT i.synthetic)
) AS rows`;

const REAL_ROWS = {
	reports: [
		{
			title: "Diversion Digest, Issue 03",
			publisher: "Conflict Armament Research",
			publishedOn: null,
			url: null,
			citation: "Conflict Armament Research, \"Diversion Digest\", Issue 03, London, December 2020."
		}
	],
	sources: [
		{
			kind: "publication",
			name: "Conflict Armament Research (published case record)",
			citation: "Conflict Armament Research, \"Diversion Digest\", Issue 03, London, December 2020.",
			url: null
		}
	],
	parties: [
		{
			name: "A European exporting state (not named in the published record)",
			kind: "state",
			iso3: null,
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Commercial drone manufacturer (not named in the published record)",
			kind: "company",
			iso3: null,
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "FN Herstal",
			kind: "manufacturer",
			iso3: "BEL",
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Girsan",
			kind: "manufacturer",
			iso3: "TUR",
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Islamic State",
			kind: "armed_group",
			iso3: "IRQ",
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Libyan Security Force",
			kind: "state_force",
			iso3: "LBY",
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Maker of the 155 mm rounds (not named in the published record)",
			kind: "manufacturer",
			iso3: null,
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Sorbitol manufacturer (not named in the published record)",
			kind: "company",
			iso3: null,
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Trader in Ouagadougou (not named in the published record)",
			kind: "company",
			iso3: "BFA",
			redFlag: false,
			redFlagReason: null
		},
		{
			name: "Turkish distributor (not named in the published record)",
			kind: "company",
			iso3: "TUR",
			redFlag: true,
			redFlagReason: "Bought all of a manufacturer's sorbitol and supplied it to sister companies in Syria; the sorbitol was found in Islamic State production sites (Diversion Digest, Issue 03)."
		},
		{
			name: "Uzina Mecanică Cugir",
			kind: "manufacturer",
			iso3: "ROU",
			redFlag: false,
			redFlagReason: null
		}
	],
	sites: [
		{
			name: "Al Hawija",
			iso3: "IRQ",
			precision: "town"
		},
		{
			name: "Bashiqa",
			iso3: "IRQ",
			precision: "town"
		},
		{
			name: "Burkina Faso (place not published; shown at Ouagadougou)",
			iso3: "BFA",
			precision: "country"
		},
		{
			name: "Iraq (place not published; shown at the country centre)",
			iso3: "IRQ",
			precision: "country"
		},
		{
			name: "Nayif Al Huza (not geo-referenced in the published record; shown at the country centre)",
			iso3: "IRQ",
			precision: "country"
		},
		{
			name: "Qaraqosh (Al-Hamdaniya)",
			iso3: "IRQ",
			precision: "town"
		},
		{
			name: "Ramadi",
			iso3: "IRQ",
			precision: "town"
		},
		{
			name: "Tikrit",
			iso3: "IRQ",
			precision: "town"
		},
		{
			name: "Tripoli",
			iso3: "LBN",
			precision: "town"
		}
	],
	events: [
		{
			site: "Al Hawija",
			documentedOn: within('2014-10-01', '2020-12-31'),
			precision: "unpublished",
			context: "recovered",
			holder: null,
			verification: "verified",
			notes: "Named in the record among the places where five empty crates and two more rounds tied to the same consignment were recovered; which of them came from here, when, and from whom, is not published.",
			items: [
				"mortar round crate (empty)",
				"mortar round"
			]
		},
		{
			site: "Al Hawija",
			documentedOn: "2017-01-01",
			precision: "year",
			context: "recovered",
			holder: "Islamic State",
			verification: "verified",
			notes: "Sorbitol in an Islamic State production site at Hawija in 2017 (the record gives the year only); it was also found in such sites in 2016.",
			items: [
				"sorbitol"
			]
		},
		{
			site: "Bashiqa",
			documentedOn: within('2014-10-01', '2020-12-31'),
			precision: "unpublished",
			context: "recovered",
			holder: null,
			verification: "verified",
			notes: "Named in the record among the places where five empty crates and two more rounds tied to the same consignment were recovered; which of them came from here, when, and from whom, is not published.",
			items: [
				"mortar round crate (empty)"
			]
		},
		{
			site: "Burkina Faso (place not published; shown at Ouagadougou)",
			documentedOn: within('2013-12-04', '2019-03-08'),
			precision: "unpublished",
			context: "recovered",
			holder: null,
			verification: "verified",
			notes: "Pistols documented in Burkina Faso; the record gives no place, date or holder.",
			items: [
				"pistol MC21 T6368-13 G00356",
				"pistol Zigana 36 T0620-10H00582"
			]
		},
		{
			site: "Iraq (place not published; shown at the country centre)",
			documentedOn: "2017-01-01",
			precision: "year",
			context: "recovered",
			holder: "Islamic State",
			verification: "verified",
			notes: "Commercial drones modified by Islamic State forces to drop munitions, documented in Iraq in 2017; the record gives no town, day or number of drones.",
			items: [
				"drone (commercial, modified)"
			]
		},
		{
			site: "Nayif Al Huza (not geo-referenced in the published record; shown at the country centre)",
			documentedOn: within('2014-10-01', '2015-04-30'),
			precision: "unpublished",
			context: "recovered",
			holder: "Islamic State",
			verification: "verified",
			notes: "One of the two traced mortar rounds (81 mm and 120 mm) was recovered here from Islamic State fighters between October 2014 and April 2015; the record does not say which round, nor the day.",
			items: [
				"mortar round 81 mm"
			]
		},
		{
			site: "Qaraqosh (Al-Hamdaniya)",
			documentedOn: within('2014-10-01', '2020-12-31'),
			precision: "unpublished",
			context: "recovered",
			holder: null,
			verification: "verified",
			notes: "Named in the record among the places where five empty crates and two more rounds tied to the same consignment were recovered; which of them came from here, when, and from whom, is not published.",
			items: [
				"mortar round crate (empty)"
			]
		},
		{
			site: "Ramadi",
			documentedOn: within('2014-10-01', '2020-12-31'),
			precision: "unpublished",
			context: "recovered",
			holder: null,
			verification: "verified",
			notes: "Named in the record among the places where five empty crates and two more rounds tied to the same consignment were recovered; which of them came from here, when, and from whom, is not published.",
			items: [
				"mortar round crate (empty)",
				"mortar round"
			]
		},
		{
			site: "Tikrit",
			documentedOn: within('2014-10-01', '2015-04-30'),
			precision: "unpublished",
			context: "recovered",
			holder: "Islamic State",
			verification: "verified",
			notes: "One of the two traced mortar rounds (81 mm and 120 mm) was recovered here from Islamic State fighters between October 2014 and April 2015; the record does not say which round, nor the day.",
			items: [
				"mortar round 120 mm"
			]
		},
		{
			site: "Tikrit",
			documentedOn: within('2014-10-01', '2020-12-31'),
			precision: "unpublished",
			context: "recovered",
			holder: null,
			verification: "verified",
			notes: "Named in the record among the places where five empty crates and two more rounds tied to the same consignment were recovered; which of them came from here, when, and from whom, is not published.",
			items: [
				"mortar round crate (empty)"
			]
		},
		{
			site: "Tripoli",
			documentedOn: "2012-04-27",
			precision: null,
			context: "seized",
			holder: null,
			verification: "verified",
			notes: "Cargo of the ship Letfallah II, intercepted at Tripoli: weapons of many ages from ten countries of manufacture, reportedly bound for Syrian rebel forces. Who intercepted it is not stated in the published record.",
			items: [
				"machine gun FN MAG 99352",
				"rifle FN FAL 1225111",
				"rifle FN FAL 1243069",
				"rifle FN FAL 1232064",
				"rifle FN FAL 1240363",
				"rifle FN FAL 995754",
				"rifle FN FAL 1004805",
				"rifle FN FAL 781694",
				"rifle FN FAL 798432",
				"rifle FN FAL 792525",
				"sniper rifle FPK 7.62 x 54R mm F-7503",
				"artillery projectile 155 mm RDX-TNT round 155 mm"
			]
		}
	],
	items: [
		{
			category: "weapon",
			type: "machine gun",
			model: "FN MAG",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "99352",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order 23-2-7520"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "1225111",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order 23-2-6255"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "1243069",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order 23-2-6255"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "1232064",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order 23-2-6255"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "1240363",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order 23-2-6255"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "995754",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order 23-2-4709"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "1004805",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order 23-2-4709"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "781694",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order A752"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "798432",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order A934"
		},
		{
			category: "weapon",
			type: "rifle",
			model: "FN FAL",
			calibre: null,
			manufacturer: "FN Herstal",
			madeIn: "BEL",
			yearMade: null,
			serial: "792525",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "FN order A934"
		},
		{
			category: "weapon",
			type: "sniper rifle",
			model: "FPK",
			calibre: "7.62 x 54R mm",
			manufacturer: "Uzina Mecanică Cugir",
			madeIn: "ROU",
			yearMade: null,
			serial: null,
			lot: "F-7503",
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: "Made 1976-78 according to the Romanian trace response.",
			quantity: 1,
			site: "Tripoli",
			consignment: "Romanian army stocks to Libya, 1978-79"
		},
		{
			category: "ammunition",
			type: "artillery projectile",
			model: "155 mm RDX-TNT round",
			calibre: "155 mm",
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tripoli",
			consignment: "Libyan contract, 155 mm rounds, 1980s"
		},
		{
			category: "ammunition",
			type: "mortar round",
			model: null,
			calibre: "81 mm",
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Nayif Al Huza (not geo-referenced in the published record; shown at the country centre)",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "ammunition",
			type: "mortar round",
			model: null,
			calibre: "120 mm",
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tikrit",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "related",
			type: "mortar round crate (empty)",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Bashiqa",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "related",
			type: "mortar round crate (empty)",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Al Hawija",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "ammunition",
			type: "mortar round",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Al Hawija",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "related",
			type: "mortar round crate (empty)",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Qaraqosh (Al-Hamdaniya)",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "related",
			type: "mortar round crate (empty)",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Ramadi",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "ammunition",
			type: "mortar round",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Ramadi",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "related",
			type: "mortar round crate (empty)",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Tikrit",
			consignment: "Mortar rounds for the Government of Iraq"
		},
		{
			category: "dual_use",
			type: "sorbitol",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Al Hawija",
			consignment: "Sorbitol sold to a Turkish distributor"
		},
		{
			category: "weapon",
			type: "pistol",
			model: "MC21",
			calibre: null,
			manufacturer: "Girsan",
			madeIn: "TUR",
			yearMade: null,
			serial: "T6368-13 G00356",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: null,
			quantity: 1,
			site: "Burkina Faso (place not published; shown at Ouagadougou)",
			consignment: "Girsan handguns to Ouagadougou"
		},
		{
			category: "weapon",
			type: "pistol",
			model: "Zigana 36",
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: "T0620-10H00582",
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [
				"counterfeit"
			],
			notes: "Not made by Girsan: its genuine serials begin T6368.",
			quantity: 1,
			site: "Burkina Faso (place not published; shown at Ouagadougou)",
			consignment: null
		},
		{
			category: "dual_use",
			type: "drone (commercial, modified)",
			model: null,
			calibre: null,
			manufacturer: null,
			madeIn: null,
			yearMade: null,
			serial: null,
			lot: null,
			factoryCode: null,
			importMark: null,
			marking: "intact",
			construction: [],
			notes: "Modified to drop munitions. One record for the drones: their number is not published.",
			quantity: 1,
			site: "Iraq (place not published; shown at the country centre)",
			consignment: null
		}
	],
	traces: [
		{
			recipient: "Government of Belgium",
			recipientIso3: "BEL",
			kind: "primary",
			issuedOn: "2015-08-05",
			issuedPrecision: null,
			reference: null,
			failure: null,
			receivedOn: "2015-10-09",
			receivedPrecision: null,
			class: "permissive",
			prompted: false,
			summary: "Belgium confirmed the FN Herstal machine gun and its order of 4 October 1979, and that it was delivered to Libya; the delivery date is not given.",
			factors: [
				"manufacturer_confirmed",
				"recipient_given"
			],
			items: [
				"machine gun 99352"
			]
		},
		{
			recipient: "Government of Belgium",
			recipientIso3: "BEL",
			kind: "primary",
			issuedOn: "2015-08-05",
			issuedPrecision: null,
			reference: null,
			failure: null,
			receivedOn: "2015-10-09",
			receivedPrecision: null,
			class: "permissive",
			prompted: false,
			summary: "Belgium tied each FN FAL rifle to one of four orders of 1967 to 1975 and said all were delivered to Libya; the delivery dates are not given.",
			factors: [
				"manufacturer_confirmed",
				"recipient_given"
			],
			items: [
				"rifle 1225111",
				"rifle 1243069",
				"rifle 1232064",
				"rifle 1240363",
				"rifle 995754",
				"rifle 1004805",
				"rifle 781694",
				"rifle 798432",
				"rifle 792525"
			]
		},
		{
			recipient: "Government of Romania",
			recipientIso3: "ROU",
			kind: "primary",
			issuedOn: "2015-08-20",
			issuedPrecision: null,
			reference: null,
			failure: null,
			receivedOn: "2015-10-07",
			receivedPrecision: null,
			class: "permissive",
			prompted: false,
			summary: "Romania said the sniper rifle lot was made at Cugir in 1976-78 and exported to Libya from army stocks in 1978-79; it holds no further records, as they are older than the retention period.",
			factors: [
				"delivery_dates_given",
				"manufacture_date_given",
				"manufacturer_confirmed",
				"recipient_given",
				"retention_expired"
			],
			items: [
				"sniper rifle 7.62 x 54R mm F-7503"
			]
		},
		{
			recipient: "Government of Italy",
			recipientIso3: "ITA",
			kind: "primary",
			issuedOn: within('2012-04-27', '2016-12-15'),
			issuedPrecision: "unpublished",
			reference: null,
			failure: null,
			receivedOn: "2016-12-15",
			receivedPrecision: null,
			class: "permissive",
			prompted: false,
			summary: "Italy said the 155 mm rounds were made under a Libyan contract of the 1980s and delivered in 1982-85 to the \"Libyan Security Force\"; its records are incomplete. The request date is not published.",
			factors: [
				"delivery_dates_given",
				"recipient_given"
			],
			items: [
				"artillery projectile 155 mm"
			]
		},
		{
			recipient: "A European exporting state (not named in the published record)",
			recipientIso3: null,
			kind: "primary",
			issuedOn: within('2014-10-01', '2020-12-31'),
			issuedPrecision: "unpublished",
			reference: null,
			failure: null,
			receivedOn: within('2014-10-01', '2020-12-31'),
			receivedPrecision: "unpublished",
			class: "permissive",
			prompted: false,
			summary: "The exporting state traced the two rounds to a consignment for the Government of Iraq; the consignment's documents tied five empty crates and two more rounds to it. The dates of the request and the response are not published.",
			factors: [
				"recipient_given",
				"transfer_documents_given"
			],
			items: [
				"mortar round 81 mm",
				"mortar round 120 mm"
			]
		},
		{
			recipient: "Sorbitol manufacturer (not named in the published record)",
			recipientIso3: null,
			kind: "primary",
			issuedOn: within('2016-01-01', '2020-12-31'),
			issuedPrecision: "unpublished",
			reference: null,
			failure: null,
			receivedOn: within('2016-01-01', '2020-12-31'),
			receivedPrecision: "unpublished",
			class: "permissive",
			prompted: false,
			summary: "The manufacturer named a Turkish distributor that had bought all of it (78 tonnes) and supplied sister companies in Syria. The dates of the request and the response are not published.",
			factors: [
				"manufacturer_confirmed",
				"quantity_given",
				"recipient_given"
			],
			items: [
				"sorbitol"
			]
		},
		{
			recipient: "Girsan",
			recipientIso3: "TUR",
			kind: "primary",
			issuedOn: "2019-03-08",
			issuedPrecision: null,
			reference: null,
			failure: null,
			receivedOn: "2019-03-13",
			receivedPrecision: null,
			class: "permissive",
			prompted: false,
			summary: "Girsan sent the packing list and customs declaration: the pistol was sold in an order of 175 handguns to a trader in Ouagadougou and shipped on 4 December 2013.",
			factors: [
				"delivery_dates_given",
				"manufacturer_confirmed",
				"quantity_given",
				"recipient_given",
				"transfer_documents_given"
			],
			items: [
				"pistol T6368-13 G00356"
			]
		},
		{
			recipient: "Girsan",
			recipientIso3: "TUR",
			kind: "primary",
			issuedOn: within('2013-12-04', '2019-08-07'),
			issuedPrecision: "unpublished",
			reference: null,
			failure: null,
			receivedOn: "2019-08-07",
			receivedPrecision: null,
			class: "permissive",
			prompted: false,
			summary: "Girsan answered that the pistol marked Zigana 36 is not its product, since its genuine serials begin T6368: a counterfeit. The request date is not published.",
			factors: null,
			items: [
				"pistol T0620-10H00582"
			]
		},
		{
			recipient: "Commercial drone manufacturer (not named in the published record)",
			recipientIso3: null,
			kind: "primary",
			issuedOn: within('2017-01-01', '2020-12-31'),
			issuedPrecision: "unpublished",
			reference: null,
			failure: null,
			receivedOn: within('2017-01-01', '2020-12-31'),
			receivedPrecision: "unpublished",
			class: "permissive",
			prompted: false,
			summary: "The drones were traced to several countries in Europe and the Middle East; the maker had already geofenced Iraq and Syria. The dates of the request and the response are not published.",
			factors: [
				"manufacturer_confirmed",
				"recipient_given"
			],
			items: [
				"drone (commercial, modified)"
			]
		}
	],
	responsesWithoutRealRequest: 0,
	consignments: [
		{
			reference: "FN order 23-2-7520",
			description: "FN MAG machine gun delivered to Libya",
			originIso3: "BEL",
			contract: null,
			order: "23-2-7520",
			orderedOn: "1979-10-04",
			transfers: [
				{
					from: "FN Herstal",
					to: "Government of Libya",
					shippedFrom: null,
					shippedTo: null,
					quantity: null,
					contract: null,
					order: "23-2-7520",
					orderedOn: "1979-10-04",
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Belgium (place of dispatch not published; drawn at Herstal)",
							iso3: "BEL"
						},
						{
							role: "destination",
							place: "Libya (place of delivery not published; drawn at Tripoli)",
							iso3: "LBY"
						}
					]
				}
			]
		},
		{
			reference: "FN order 23-2-6255",
			description: "FN FAL rifles delivered to Libya",
			originIso3: "BEL",
			contract: null,
			order: "23-2-6255",
			orderedOn: "1975-08-29",
			transfers: [
				{
					from: "FN Herstal",
					to: "Government of Libya",
					shippedFrom: null,
					shippedTo: null,
					quantity: null,
					contract: null,
					order: "23-2-6255",
					orderedOn: "1975-08-29",
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Belgium (place of dispatch not published; drawn at Herstal)",
							iso3: "BEL"
						},
						{
							role: "destination",
							place: "Libya (place of delivery not published; drawn at Tripoli)",
							iso3: "LBY"
						}
					]
				}
			]
		},
		{
			reference: "FN order 23-2-4709",
			description: "FN FAL rifles delivered to Libya",
			originIso3: "BEL",
			contract: null,
			order: "23-2-4709",
			orderedOn: "1973-07-30",
			transfers: [
				{
					from: "FN Herstal",
					to: "Government of Libya",
					shippedFrom: null,
					shippedTo: null,
					quantity: null,
					contract: null,
					order: "23-2-4709",
					orderedOn: "1973-07-30",
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Belgium (place of dispatch not published; drawn at Herstal)",
							iso3: "BEL"
						},
						{
							role: "destination",
							place: "Libya (place of delivery not published; drawn at Tripoli)",
							iso3: "LBY"
						}
					]
				}
			]
		},
		{
			reference: "FN order A752",
			description: "FN FAL rifles delivered to Libya",
			originIso3: "BEL",
			contract: null,
			order: "A752",
			orderedOn: "1967-12-18",
			transfers: [
				{
					from: "FN Herstal",
					to: "Government of Libya",
					shippedFrom: null,
					shippedTo: null,
					quantity: null,
					contract: null,
					order: "A752",
					orderedOn: "1967-12-18",
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Belgium (place of dispatch not published; drawn at Herstal)",
							iso3: "BEL"
						},
						{
							role: "destination",
							place: "Libya (place of delivery not published; drawn at Tripoli)",
							iso3: "LBY"
						}
					]
				}
			]
		},
		{
			reference: "FN order A934",
			description: "FN FAL rifles delivered to Libya",
			originIso3: "BEL",
			contract: null,
			order: "A934",
			orderedOn: "1968-05-13",
			transfers: [
				{
					from: "FN Herstal",
					to: "Government of Libya",
					shippedFrom: null,
					shippedTo: null,
					quantity: null,
					contract: null,
					order: "A934",
					orderedOn: "1968-05-13",
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Belgium (place of dispatch not published; drawn at Herstal)",
							iso3: "BEL"
						},
						{
							role: "destination",
							place: "Libya (place of delivery not published; drawn at Tripoli)",
							iso3: "LBY"
						}
					]
				}
			]
		},
		{
			reference: "Romanian army stocks to Libya, 1978-79",
			description: "FPK sniper rifles exported from Romanian army stocks",
			originIso3: "ROU",
			contract: null,
			order: null,
			orderedOn: null,
			transfers: [
				{
					from: "Government of Romania",
					to: "Government of Libya",
					shippedFrom: "1978-01-01",
					shippedTo: "1979-12-31",
					quantity: null,
					contract: null,
					order: null,
					orderedOn: null,
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Romania (army stocks; place not published; drawn at Cugir)",
							iso3: "ROU"
						},
						{
							role: "destination",
							place: "Libya (place of delivery not published; drawn at Tripoli)",
							iso3: "LBY"
						}
					]
				}
			]
		},
		{
			reference: "Libyan contract, 155 mm rounds, 1980s",
			description: "155 mm artillery rounds delivered 1982-85",
			originIso3: "ITA",
			contract: null,
			order: null,
			orderedOn: null,
			transfers: [
				{
					from: "Maker of the 155 mm rounds (not named in the published record)",
					to: "Libyan Security Force",
					shippedFrom: "1982-01-01",
					shippedTo: "1985-12-31",
					quantity: null,
					contract: null,
					order: null,
					orderedOn: null,
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Italy (place of dispatch not published; drawn at Rome)",
							iso3: "ITA"
						},
						{
							role: "destination",
							place: "Libya (place of delivery not published; drawn at Tripoli)",
							iso3: "LBY"
						}
					]
				}
			]
		},
		{
			reference: "Mortar rounds for the Government of Iraq",
			description: "81 mm and 120 mm mortar rounds, one documented consignment",
			originIso3: null,
			contract: null,
			order: null,
			orderedOn: null,
			transfers: [
				{
					from: "A European exporting state (not named in the published record)",
					to: "Government of Iraq",
					shippedFrom: null,
					shippedTo: null,
					quantity: null,
					contract: null,
					order: null,
					orderedOn: null,
					synthetic: false,
					waypoints: [
						{
							role: "destination",
							place: "Iraq (place of delivery not published; drawn at Baghdad)",
							iso3: "IRQ"
						}
					]
				}
			]
		},
		{
			reference: "Sorbitol sold to a Turkish distributor",
			description: "78 tonnes, onward to sister companies in Syria",
			originIso3: null,
			contract: null,
			order: null,
			orderedOn: null,
			transfers: [
				{
					from: "Sorbitol manufacturer (not named in the published record)",
					to: "Turkish distributor (not named in the published record)",
					shippedFrom: null,
					shippedTo: null,
					quantity: 78,
					contract: null,
					order: null,
					orderedOn: null,
					synthetic: false,
					waypoints: [
						{
							role: "transit",
							place: "Türkiye (distributor; town not published; drawn at Ankara)",
							iso3: "TUR"
						}
					]
				}
			]
		},
		{
			reference: "Girsan handguns to Ouagadougou",
			description: "175 handguns for a trader in Ouagadougou",
			originIso3: "TUR",
			contract: null,
			order: null,
			orderedOn: null,
			transfers: [
				{
					from: "Girsan",
					to: "Trader in Ouagadougou (not named in the published record)",
					shippedFrom: "2013-12-04",
					shippedTo: "2013-12-04",
					quantity: 175,
					contract: null,
					order: null,
					orderedOn: null,
					synthetic: false,
					waypoints: [
						{
							role: "origin",
							place: "Türkiye (place of dispatch not published; drawn at Ankara)",
							iso3: "TUR"
						},
						{
							role: "destination",
							place: "Ouagadougou",
							iso3: "BFA"
						}
					]
				}
			]
		}
	],
	transfersOutsideRealConsignments: 0,
	cases: [
		{
			title: "Letfallah II: former Libyan state stocks intercepted at Tripoli, Lebanon",
			mechanism: "stockpile_leakage",
			iso3: "LBN",
			divertedFrom: null,
			divertedTo: null,
			summary: "Weapons on the Letfallah II, intercepted at Tripoli (Lebanon) on 27 April 2012, came from ten countries of manufacture. Trace responses from Belgium, Italy and Romania showed the sampled items had been exported to the Government of Libya in the 1960s to 1980s: they had left former Libyan stockpiles.",
			publishedOn: null,
			parties: [
				"FN Herstal: manufacturer",
				"Government of Libya: authorised_recipient",
				"Government of Romania: exporter",
				"Libyan Security Force: authorised_recipient",
				"Maker of the 155 mm rounds (not named in the published record): manufacturer",
				"Uzina Mecanică Cugir: manufacturer"
			],
			sites: [
				"Tripoli"
			],
			items: 12,
			routes: 7
		},
		{
			title: "One mortar consignment, six places in Iraq",
			mechanism: "unknown",
			iso3: "IRQ",
			divertedFrom: null,
			divertedTo: null,
			summary: "An 81 mm and a 120 mm mortar round recovered from Islamic State fighters at Nayif Al Huza and Tikrit were traced to a consignment for the Government of Iraq; its documents tied five empty crates and two more rounds, recovered at Bashiqa, Hawija, Qaraqosh, Ramadi and again Tikrit, to the same consignment: six places in all. How it left the Government of Iraq is not published.",
			publishedOn: null,
			parties: [
				"A European exporting state (not named in the published record): exporter",
				"Government of Iraq: authorised_recipient",
				"Islamic State: end_holder"
			],
			sites: [
				"Al Hawija",
				"Bashiqa",
				"Nayif Al Huza (not geo-referenced in the published record; shown at the country centre)",
				"Qaraqosh (Al-Hamdaniya)",
				"Ramadi",
				"Tikrit"
			],
			items: 9,
			routes: 6
		},
		{
			title: "Sorbitol in Islamic State production sites via a Turkish distributor",
			mechanism: "unknown",
			iso3: "IRQ",
			divertedFrom: null,
			divertedTo: null,
			summary: "Sorbitol found in Islamic State production sites (2016; Hawija 2017) was traced through its manufacturer to a Turkish distributor that bought all of it and supplied sister companies in Syria: 78 tonnes, 40 % of Turkish sorbitol exports to Syria in 2015, which rose from 16.5 tonnes in 2014 to about 187 tonnes. The manufacturer suspended sales to conflict areas on 10 December 2017.",
			publishedOn: null,
			parties: [
				"Islamic State: end_holder",
				"Sorbitol manufacturer (not named in the published record): manufacturer",
				"Turkish distributor (not named in the published record): intermediary"
			],
			sites: [
				"Al Hawija"
			],
			items: 1,
			routes: 1
		},
		{
			title: "Girsan pistols in Burkina Faso: a trader's order and a counterfeit",
			mechanism: "unknown",
			iso3: "BFA",
			divertedFrom: null,
			divertedTo: null,
			summary: "A Girsan MC21 pistol documented in Burkina Faso was sold in an order of 175 handguns to a trader in Ouagadougou and shipped on 4 December 2013. A second pistol, a \"Zigana 36\", was not made by Girsan: a counterfeit.",
			publishedOn: null,
			parties: [
				"Girsan: manufacturer",
				"Trader in Ouagadougou (not named in the published record): authorised_recipient"
			],
			sites: [
				"Burkina Faso (place not published; shown at Ouagadougou)"
			],
			items: 2,
			routes: 1
		},
		{
			title: "Commercial drones modified to drop munitions",
			mechanism: "unknown",
			iso3: "IRQ",
			divertedFrom: null,
			divertedTo: null,
			summary: "Commercial drones modified by Islamic State forces in Iraq in 2017 to drop munitions were traced to several countries in Europe and the Middle East; the maker had already geofenced Iraq and Syria.",
			publishedOn: null,
			parties: [
				"Commercial drone manufacturer (not named in the published record): manufacturer",
				"Islamic State: end_holder"
			],
			sites: [
				"Iraq (place not published; shown at the country centre)"
			],
			items: 1,
			routes: 0
		}
	],
	replies: [],
	photos: 0
};

/**
 * Capitalised words the rows may use although RECORD does not: words of our own that say
 * what a row is or that a detail is not published, and the towns where a place the record
 * gives only as a country is drawn on the map (each such name says "drawn at").
 */
const OUR_WORDS = new Set([
	// words that say what a row is, or that the record leaves something out
	'Maker', 'Trader', 'Commercial', 'Cargo', 'Named', 'Pistols', 'Not', 'Who', 'How', 'Made', 'Bought', 'An', 'The',
	'Weapons', 'Trace', 'Its', 'It', 'Mortar', 'Romanian', 'Italian',
	// months the record abbreviates (Oct, Apr, Dec) and that rows spell out
	'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
	// places the record gives only as a country, drawn at its capital or a named town ("drawn at ...")
	'Türkiye', 'Ankara', 'Baghdad', 'Rome', 'Al-Hamdaniya'
]);

function* texts(value: unknown, path: string): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* texts(v, `${path}[${i}]`);
	else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* texts(v, `${path}.${k}`);
}
/** Fields that hold dates (checked as dates above), not text. */
const DATE_FIELD = /\.(documentedOn|issuedOn|receivedOn|orderedOn|shippedFrom|shippedTo|publishedOn|lockedOn)$/;

describeEachBackend('real rows hold only what the published record gives', (db) => {
	const realRows = async () => (await db().unsafe(REAL_ROWS_SQL))[0].rows as Record<string, unknown>;

	it('stores exactly the real rows, texts, dates and figures of the allowed table, and nothing more', async () => {
		expect(await realRows()).toEqual(REAL_ROWS);
	});

	it('has no right-of-reply text for a real party: the record gives Romania\'s answer, not an agreed text', async () => {
		const rows = await db()`SELECT count(*)::int AS n FROM atlas.right_of_reply WHERE NOT synthetic`;
		expect(rows[0].n).toBe(0);
	});

	it('names in its real texts only figures the record gives', async () => {
		const sourced = new Set(RECORD.match(/\d+(?:\.\d+)?/g));
		const unsourced: string[] = [];
		for (const [path, text] of texts(await realRows(), 'rows')) {
			if (DATE_FIELD.test(path)) continue;
			for (const figure of text.match(/\d+(?:\.\d+)?/g) ?? []) if (!sourced.has(figure)) unsourced.push(`${path}: ${figure} in "${text}"`);
		}
		expect(unsourced).toEqual([]);
	});

	it('names in its real texts only people, places and bodies the record names', async () => {
		const named = new Set(RECORD.match(/\p{Lu}[\p{L}\p{M}'-]*/gu));
		const unnamed: string[] = [];
		for (const [path, text] of texts(await realRows(), 'rows')) {
			if (DATE_FIELD.test(path) || /\.(kind|context|category|mechanism|marking|class|role|precision|iso3|recipientIso3|originIso3|madeIn|verification)$/.test(path)) continue;
			for (const word of text.match(/\p{Lu}[\p{L}\p{M}'-]*/gu) ?? []) {
				const bare = word.replace(/['-]s?$/, '');
				if (!named.has(word) && !named.has(bare) && !OUR_WORDS.has(bare)) unnamed.push(`${path}: ${word} in "${text}"`);
			}
		}
		expect(unnamed).toEqual([]);
	});
});
