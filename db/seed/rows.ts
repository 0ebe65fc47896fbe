// Row shapes as the tables store them (snake_case), so the loader inserts them as they are.
// The domain's words are the vocabulary's, the same lists the database's enums hold.
import type {
	CasePartyRole, ConstructionNote, DiversionMechanism, DocumentationContext, ItemCategory, LocationPrecision,
	MarkingState, PartyKind, RouteStatus, SourceKind, StoredDatePrecision, TraceFactorCode, TraceFailure,
	TraceRequestKind, TraceResponseClass, VerificationState, Visibility, WaypointRole
} from '../../src/lib/domain/vocabulary.ts';

/**
 * How much of a stored date the cited source gives: null = the day; 'month' or 'year' = the
 * date is the first day of that month or year; 'unpublished' = the source gives no date and
 * the stored one is only a placeholder inside the bounds the record allows (so the row can
 * be counted in a year), never to be shown as a date.
 */
export type DatePrecision = StoredDatePrecision | null;

interface Publishable {
	id: number;
	visibility: Visibility;
	synthetic: boolean;
}

export interface SourceRow {
	id: number;
	kind: SourceKind;
	name: string;
	citation: string | null;
	url: string | null;
	synthetic: boolean;
}
export interface ReportRow extends Publishable {
	title: string;
	publisher: string;
	published_on: string | null;
	url: string | null;
	citation: string;
}
export interface PartyRow extends Publishable {
	kind: PartyKind;
	name: string;
	country_iso3: string | null;
	red_flag: boolean;
	red_flag_reason: string | null;
	source_id: number | null;
}
export interface SiteRow extends Publishable {
	name: string;
	country_iso3: string;
	precision: LocationPrecision;
	geom: string; // EWKT
	geonames_id: number | null;
}
export interface EventRow extends Publishable {
	site_id: number;
	documented_on: string;
	context: DocumentationContext;
	holding_party_id: number | null;
	source_id: number;
	verification: VerificationState;
	notes: string | null;
	documented_on_precision?: DatePrecision;
}
export interface ItemRow extends Publishable {
	event_id: number;
	category: ItemCategory;
	item_type: string;
	model: string | null;
	calibre: string | null;
	manufacturer_id: number | null;
	made_in_iso3: string | null;
	year_made: number | null;
	serial_number: string | null;
	lot_number: string | null;
	factory_code: string | null;
	import_mark: string | null;
	marking_state: MarkingState;
	construction: ConstructionNote[];
	construction_notes: string | null;
	quantity: number;
	consignment_id: number | null;
}
export interface PhotoRow {
	id: number;
	item_id: number;
	uri: string;
	caption: string | null;
	position: number;
}
export interface TraceRequestRow extends Publishable {
	kind: TraceRequestKind;
	parent_request_id: number | null;
	recipient_id: number;
	recipient_iso3: string | null;
	issued_on: string;
	issued_on_approximate: boolean;
	issued_on_precision?: DatePrecision;
	reference: string | null;
	failure: TraceFailure | null;
}
export interface TraceResponseRow extends Publishable {
	request_id: number;
	received_on: string;
	received_on_precision?: DatePrecision;
	class: TraceResponseClass;
	prompted_secondary: boolean;
	summary: string | null;
}
export interface ConsignmentRow extends Publishable {
	reference: string;
	description: string | null;
	origin_iso3: string | null;
	contract_number: string | null;
	order_number: string | null;
	ordered_on: string | null;
}
export interface TransferRow extends Publishable {
	consignment_id: number | null;
	from_party_id: number;
	to_party_id: number;
	shipped_from: string | null;
	shipped_to: string | null;
	quantity: number | null;
	contract_number: string | null;
	order_number: string | null;
	ordered_on: string | null;
	evidence_response_id: number | null;
}
export interface WaypointRow {
	transfer_id: number;
	seq: number;
	role: WaypointRole;
	place_name: string;
	country_iso3: string | null;
	geom: string;
}
export interface RouteRow extends Publishable {
	consignment_id: number;
	site_id: number;
	case_id: number | null;
	status: RouteStatus;
}
export interface CaseRow extends Publishable {
	title: string;
	mechanism: DiversionMechanism;
	country_iso3: string;
	diverted_from: string | null;
	diverted_to: string | null;
	summary: string | null;
	source_id: number | null;
	report_id: number | null;
	published_on: string | null;
}
export interface CasePartyRow {
	case_id: number;
	party_id: number;
	role: CasePartyRole;
}
export interface ReplyRow extends Publishable {
	party_id: number;
	response_id: number | null;
	case_id: number | null;
	version: number;
	body: string;
	locked_on: string | null;
}

/** The whole demo data set, in insertion order. */
export interface DemoDataset {
	sources: SourceRow[];
	reports: ReportRow[];
	parties: PartyRow[];
	sites: SiteRow[];
	documentation_events: EventRow[];
	consignments: ConsignmentRow[];
	items: ItemRow[];
	item_photos: PhotoRow[];
	trace_requests: TraceRequestRow[];
	trace_request_items: { request_id: number; item_id: number }[];
	trace_responses: TraceResponseRow[];
	trace_response_factors: { response_id: number; factor_code: TraceFactorCode }[];
	transfers: TransferRow[];
	transfer_waypoints: WaypointRow[];
	diversion_cases: CaseRow[];
	case_parties: CasePartyRow[];
	case_items: { case_id: number; item_id: number }[];
	case_sites: { case_id: number; site_id: number }[];
	routes: RouteRow[];
	right_of_reply: ReplyRow[];
}

export function emptyDataset(): DemoDataset {
	return {
		sources: [], reports: [], parties: [], sites: [], documentation_events: [], consignments: [],
		items: [], item_photos: [], trace_requests: [], trace_request_items: [], trace_responses: [],
		trace_response_factors: [], transfers: [], transfer_waypoints: [], diversion_cases: [],
		case_parties: [], case_items: [], case_sites: [], routes: [], right_of_reply: []
	};
}

export function point(lon: number, lat: number): string {
	return `SRID=4326;POINT(${lon} ${lat})`;
}
