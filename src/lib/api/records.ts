// The JSON contracts of the record endpoints (/api/search, /api/items/{id}, /api/sites/{id},
// /api/consignments/{id}, /api/parties) and of the record pages (/cases, /parties,
// /countries). The one home of these shapes: the server modules that build them and the
// pages and explorer panels that read them import them from here, so both change together.
// Dates are ISO strings (YYYY-MM-DD); every publishable row carries `synthetic` so the UI
// can mark demo rows and cite the source of real ones. Domain words come from the vocabulary.
import type {
	CasePartyRole, ConstructionNote, DatePrecision, DiversionMechanism, DocumentationContext, ItemCategory,
	LocationPrecision, MarkingState, PartyKind, RouteStatus, SourceKind, TraceFactorKind, TraceFailure,
	TraceRequestKind, TraceResponseClass, VerificationState, WaypointRole
} from '$lib/domain/vocabulary.ts';

/** Which marking (or which order/contract number of its consignment) a search hit matched. */
export type MarkingMatch = 'serial' | 'lot' | 'factory' | 'import' | 'order';
/** The two roles the filter panel suggests parties for. */
export type PartyRole = 'manufacturer' | 'group';

export interface CountryRef {
	iso3: string;
	name: string;
}
export interface PartyRef {
	id: number;
	name: string;
	kind: PartyKind;
	iso3: string | null;
	synthetic: boolean;
	/** Flagged for a documented history of diversion; shown wherever the party appears. */
	redFlag: boolean;
	redFlagReason: string | null;
}
export interface SiteRef {
	id: number;
	name: string;
	iso3: string;
	lon: number;
	lat: number;
}
export interface SourceRef {
	kind: SourceKind;
	name: string;
	citation: string | null;
	url: string | null;
	synthetic: boolean;
}
export interface ReportRef {
	id: number;
	title: string;
	publisher: string;
	publishedOn: string | null;
	citation: string;
	url: string | null;
	synthetic: boolean;
}
export interface Photo {
	uri: string;
	caption: string | null;
	position: number;
}
export interface Markings {
	serialNumber: string | null;
	lotNumber: string | null;
	factoryCode: string | null;
	importMark: string | null;
	state: MarkingState;
}
export interface CaseRef {
	id: number;
	title: string;
	mechanism: DiversionMechanism;
	iso3: string;
	synthetic: boolean;
}

/** What every item row says about the item itself, wherever it is listed. */
export interface ItemIdentity {
	id: number;
	category: ItemCategory;
	itemType: string;
	model: string | null;
	calibre: string | null;
}
/** An item as a list row names it: what it is, its serial and lot, where it was made. */
export interface ItemListing extends ItemIdentity {
	serialNumber: string | null;
	lotNumber: string | null;
	madeIn: CountryRef | null;
}

// --- GET /api/search?q= -------------------------------------------------------------------
export interface SearchHit extends ItemListing {
	manufacturer: { id: number; name: string } | null;
	site: SiteRef;
	documentedOn: string;
	documentedOnPrecision: DatePrecision;
	consignmentId: number | null;
	caseIds: number[];
	matched: MarkingMatch;
	synthetic: boolean;
}
export interface SearchResult {
	/** The query as the reader typed it. */
	query: string;
	/** The query as compared: upper case, spaces and dashes removed. */
	normalised: string;
	items: SearchHit[];
	/** Other visible items linked to the hits (hits themselves excluded), at most `limit` each. */
	related: { sameLot: number[]; sameOrder: number[]; sameConsignment: number[] };
	/** Every visible hit, also those beyond `limit`. */
	total: number;
	limit: number;
	/** True when `total` > `limit`: only the first `limit` hits are in `items`. */
	truncated: boolean;
}
// --- GET /api/items/{id} -------------------------------------------------------------------
export interface Documentation {
	eventId: number;
	documentedOn: string;
	documentedOnPrecision: DatePrecision;
	context: DocumentationContext;
	verification: VerificationState;
	notes: string | null;
	site: SiteRef & { precision: LocationPrecision; synthetic: boolean };
	country: CountryRef;
	holdingParty: PartyRef | null;
	source: SourceRef;
	synthetic: boolean;
}
export interface TraceFactor {
	code: string;
	kind: TraceFactorKind;
}
export interface TraceResponse {
	id: number;
	receivedOn: string;
	receivedOnPrecision: DatePrecision;
	class: TraceResponseClass;
	factors: TraceFactor[];
	promptedSecondary: boolean;
	summary: string | null;
	synthetic: boolean;
}
export interface TraceRequest {
	id: number;
	kind: TraceRequestKind;
	parentRequestId: number | null;
	recipient: PartyRef;
	recipientIso3: string | null;
	issuedOn: string;
	/** Only the year of issue is known; the date stands for it. */
	issuedOnApproximate: boolean;
	issuedOnPrecision: DatePrecision;
	reference: string | null;
	failure: TraceFailure | null;
	response: TraceResponse | null;
	synthetic: boolean;
}
export interface Waypoint {
	seq: number;
	role: WaypointRole;
	placeName: string;
	iso3: string | null;
	lon: number;
	lat: number;
}
export interface Transfer {
	id: number;
	from: PartyRef;
	to: PartyRef;
	shippedFrom: string | null;
	shippedTo: string | null;
	quantity: number | null;
	orderNumber: string | null;
	contractNumber: string | null;
	orderedOn: string | null;
	evidenceResponseId: number | null;
	waypoints: Waypoint[];
	synthetic: boolean;
}
export interface Consignment {
	id: number;
	reference: string;
	description: string | null;
	origin: CountryRef | null;
	orderNumber: string | null;
	contractNumber: string | null;
	orderedOn: string | null;
	synthetic: boolean;
}
export interface RightOfReply {
	id: number;
	party: PartyRef;
	responseId: number | null;
	caseId: number | null;
	version: number;
	body: string;
	lockedOn: string;
	/** A later locked version exists: quote that one. */
	superseded: boolean;
	synthetic: boolean;
}
export interface ItemRecord extends ItemIdentity {
	yearMade: number | null;
	quantity: number;
	madeIn: CountryRef | null;
	manufacturer: PartyRef | null;
	markings: Markings;
	construction: ConstructionNote[];
	constructionNotes: string | null;
	photos: Photo[];
	synthetic: boolean;
}
export interface ItemChain {
	item: ItemRecord;
	documentation: Documentation;
	traceRequests: TraceRequest[];
	consignment: (Consignment & { transfers: Transfer[] }) | null;
	cases: CaseRef[];
	rightOfReply: RightOfReply[];
}

// --- GET /api/sites/{id}?<filter>&limit&offset -----------------------------------------------
export interface ChainSummary {
	requests: number;
	/** The most informative response received: expansive > permissive > dissuasive. */
	bestResponse: TraceResponseClass | null;
	consignmentId: number | null;
	caseIds: number[];
}
export interface SiteItem extends ItemIdentity {
	quantity: number;
	madeIn: CountryRef | null;
	manufacturer: Pick<PartyRef, 'id' | 'name' | 'redFlag' | 'redFlagReason'> | null;
	markings: Markings;
	photos: Photo[];
	chain: ChainSummary;
	synthetic: boolean;
}
export interface SiteEvent {
	id: number;
	documentedOn: string;
	documentedOnPrecision: DatePrecision;
	context: DocumentationContext;
	verification: VerificationState;
	holdingParty: { id: number; name: string; redFlag: boolean; redFlagReason: string | null } | null;
	source: SourceRef;
	items: SiteItem[];
	synthetic: boolean;
}
export interface CategoryTotal {
	category: ItemCategory;
	items: number;
	units: number;
}
export interface SiteDetail {
	site: SiteRef & { precision: LocationPrecision; country: CountryRef; synthetic: boolean };
	/** The filter as applied (canonical query string; '' when none). */
	filter: string;
	events: SiteEvent[];
	/** Events with at least one item matching the filter. */
	totalEvents: number;
	limit: number;
	offset: number;
	totals: CategoryTotal[];
}

// --- GET /api/consignments/{id} ------------------------------------------------------------
export interface RecoverySite extends SiteRef {
	items: number;
	units: number;
}
export interface ConsignmentRoute {
	id: number;
	status: RouteStatus;
	siteId: number;
	caseId: number | null;
	synthetic: boolean;
}
export interface ConsignmentDetail extends Consignment {
	/** The first waypoint, else the origin country's label point; null when neither is known. */
	originPoint: { lon: number; lat: number; placeName: string | null } | null;
	/** The category with most visible units (related materiel only when alone): with the recipient, the consignment's name in panels. */
	goods: ItemCategory | null;
	/** Who received the first transfer (the authorised recipient); null when no transfer is visible. */
	recipient: Pick<PartyRef, 'id' | 'name' | 'kind' | 'redFlag' | 'redFlagReason'> | null;
	transfers: Transfer[];
	sites: RecoverySite[];
	routes: ConsignmentRoute[];
}

// --- GET /api/parties?q=&role=&limit= ------------------------------------------------------
export interface PartySuggestion {
	id: number;
	name: string;
	iso3: string | null;
	kind: PartyKind;
	/** Visible items naming this party in the role asked for. */
	items: number;
}
export interface PartySuggestions {
	role: PartyRole;
	query: string;
	parties: PartySuggestion[];
}

// --- pages: /cases/[id], /parties/[id], /countries/[iso3] -----------------------------------
export interface CaseItemRow extends ItemListing {
	quantity: number;
	siteId: number;
	synthetic: boolean;
}
export interface CaseRecord extends CaseRef {
	country: CountryRef;
	summary: string | null;
	divertedFrom: string | null;
	divertedTo: string | null;
	publishedOn: string | null;
	source: SourceRef | null;
	report: ReportRef | null;
	parties: (PartyRef & { role: CasePartyRole })[];
	sites: (SiteRef & { precision: LocationPrecision; synthetic: boolean })[];
	items: CaseItemRow[];
	routes: (ConsignmentRoute & { consignmentId: number | null; consignmentReference: string | null })[];
	rightOfReply: RightOfReply[];
}

export interface PartyTransferRow {
	id: number;
	direction: 'from' | 'to';
	counterpart: PartyRef;
	consignmentId: number | null;
	shippedFrom: string | null;
	shippedTo: string | null;
	quantity: number | null;
	orderNumber: string | null;
	synthetic: boolean;
}
export interface PartyResponseRow {
	requestId: number;
	issuedOn: string;
	issuedOnApproximate: boolean;
	issuedOnPrecision: DatePrecision;
	kind: TraceRequestKind;
	failure: TraceFailure | null;
	receivedOn: string | null;
	receivedOnPrecision: DatePrecision | null;
	class: TraceResponseClass | null;
	synthetic: boolean;
}
export interface PartyRecord extends PartyRef {
	country: CountryRef | null;
	redFlag: boolean;
	redFlagReason: string | null;
	source: SourceRef | null;
	/** True when itemsMade or itemsHeld counts a synthetic row: the figures are demo data. */
	itemsSynthetic: boolean;
	itemsMade: number;
	itemsHeld: number;
	cases: (CaseRef & { role: CasePartyRole })[];
	transfers: PartyTransferRow[];
	transferCount: number;
	/** `synthetic`: the counts include a synthetic request or response. */
	requests: { synthetic: boolean; received: number; answered: number; byClass: Record<TraceResponseClass, number> };
	/** The newest trace requests addressed to the party with their responses (at most 50). */
	responses: PartyResponseRow[];
}

export interface NamedCount {
	id: number | null;
	iso3?: string | null;
	name: string;
	items: number;
	units: number;
}
export interface CountryProfile {
	country: CountryRef & { region: string | null; subregion: string | null; conflictAffected: boolean; dissolvedOn: string | null };
	recovery: {
		/** True when any row counted here is synthetic: the figures are demo data. */
		synthetic: boolean;
		items: number;
		units: number;
		sites: number;
		byCategory: CategoryTotal[];
		topMadeIn: NamedCount[];
		/** Holding forces, with their red flag: shown wherever a party appears. */
		topHolders: (NamedCount & Pick<PartyRef, 'redFlag' | 'redFlagReason'>)[];
		/** At most 50: real cases first, then those with most items; `caseCount` counts all. */
		cases: (CaseRef & { items: number })[];
		caseCount: number;
	};
	producer: {
		/** True when any request, response or item counted here is synthetic. */
		synthetic: boolean;
		requestsReceived: number;
		responses: number;
		/** responses / requests, 0..1; null when no request was received. */
		responseRate: number | null;
		byClass: Record<TraceResponseClass, number>;
		itemsMadeHere: number;
	};
}

/** A red-flagged party in a producer's supply chains: in how many of its consignments and cases. */
export interface ChainFlaggedParty extends PartyRef {
	consignments: number;
	cases: number;
}
/** Requests issued in one year to a producer, to its region and to all recipients, and how many were answered. */
export interface TraceYear {
	year: number;
	requests: number;
	responses: number;
	regionRequests: number;
	regionResponses: number;
	worldRequests: number;
	worldResponses: number;
}
/** A country as producer and exporter over a period (the country page's "made here" section). */
export interface ProducerProfile {
	/** True when any item or request counted here is synthetic: the figures are demo data. */
	synthetic: boolean;
	period: { from: string | null; to: string | null };
	/** Items made here documented anywhere in the period, and their units. */
	items: number;
	units: number;
	/** Of `items`, those documented outside the country. */
	itemsAbroad: number;
	/** Every country of recovery, most items first; the N is `items`. */
	destinations: { iso3: string; name: string; items: number; units: number; sites: number }[];
	/** The most documented item types (at most 10); `typeCount` counts all. */
	byType: { type: string; category: string; items: number; units: number }[];
	typeCount: number;
	/** Items per calendar year of documentation, and how many of them abroad. */
	byYear: { year: number; items: number; units: number; abroad: number }[];
	/** Cases holding its items: at most 10, real records first; `caseCount` counts all. */
	cases: (CaseRef & { items: number; parties: { id: number; name: string; role: CasePartyRole; redFlag: boolean; redFlagReason: string | null }[] })[];
	caseCount: number;
	/** Years in which it received requests; region and world rates beside its own. */
	traceByYear: TraceYear[];
	/** Its M49 region, the comparison in `traceByYear`. */
	region: string | null;
	flagged: ChainFlaggedParty[];
	flaggedCount: number;
}

// --- /parties?flagged=1 ---------------------------------------------------------------------
export interface FlaggedParty extends PartyRef {
	country: CountryRef | null;
	/** Visible cases naming the party, in any role. */
	cases: number;
	/** Visible transfers it sent and received. */
	transfersSent: number;
	transfersReceived: number;
}

// --- /destinations (high-risk destinations) ---------------------------------------------------
/** A transfer a destination received, with how many of its consignment's items were later documented in conflict. */
export interface DeliveryReceived {
	id: number;
	consignment: { id: number; reference: string };
	/** The sender; null when the viewer may not see it. */
	from: Pick<PartyRef, 'id' | 'name' | 'redFlag' | 'redFlagReason'> | null;
	shippedFrom: string | null;
	shippedTo: string | null;
	items: number;
	synthetic: boolean;
}
/** An item of a delivery, documented at a recovery site in a conflict-affected country. */
export interface ItemDocumentedInConflict {
	id: number;
	itemType: string;
	category: ItemCategory;
	madeIn: string | null;
	documentedOn: string;
	consignmentId: number;
	site: { id: number; name: string; iso3: string };
	synthetic: boolean;
}
/** A case holding items of the destination's deliveries; `roles` are those in which it names the destination. */
export interface DestinationCase extends CaseRef {
	items: number;
	roles: CasePartyRole[];
}
/**
 * A recipient of deliveries later documented in conflict. `items` (units, consignments,
 * transfers, cases) count every such row; the lists hold the first few, real records first.
 */
export interface HighRiskDestination extends PartyRef {
	country: CountryRef | null;
	items: number;
	units: number;
	consignments: number;
	transfers: number;
	cases: number;
	/** True when any row the figures count is synthetic: the figures are demo data. */
	figuresSynthetic: boolean;
	/** Countries where its deliveries were documented, most items first. */
	recoveredIn: (CountryRef & { items: number })[];
	transfersReceived: DeliveryReceived[];
	documentedItems: ItemDocumentedInConflict[];
	caseList: DestinationCase[];
}
/** Which documented items count: made in these countries, documented in this period (all optional). */
export interface DestinationScope {
	madeIn: string[];
	from: string | null;
	to: string | null;
}
export interface HighRiskDestinations {
	scope: DestinationScope;
	/** True when any row counted on the list is synthetic. */
	synthetic: boolean;
	/** Distinct items and consignments counted on the list: its N (one item can count for several recipients). */
	items: number;
	consignments: number;
	/** Countries of manufacture with items in consignments documented in conflict: what `madeIn` can choose. */
	madeInChoices: CountryRef[];
	/** Most items first, then most cases. */
	destinations: HighRiskDestination[];
}
