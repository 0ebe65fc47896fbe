// The domain's words: every closed list the database holds as an enum or a CHECK, written
// once. The Filter schema, the seed, the JSON contracts and the catalogues take them from
// here, and tests hold each list equal to the database's values (tests/integration/db/
// vocabulary.test.ts) and to one catalogue entry per language (tests/unit/domain/).
// Order is the database's order (enum_range, or the CHECK's list), so lists read the same
// in SQL, in the API and on the page.

/** atlas.visibility: who may see a publishable row. */
export const VISIBILITIES = ['draft', 'restricted', 'public'] as const;
/** atlas.item_category */
export const ITEM_CATEGORIES = ['weapon', 'ammunition', 'related', 'ied', 'dual_use'] as const;
/** atlas.marking_state */
export const MARKING_STATES = ['intact', 'partial', 'obliterated', 'none'] as const;
/** atlas.documentation_context: how the materiel came to be documented. */
export const DOCUMENTATION_CONTEXTS = ['recovered', 'surrendered', 'cached', 'seized', 'held'] as const;
/** atlas.verification_state */
export const VERIFICATION_STATES = ['unverified', 'corroborated', 'verified'] as const;
/** atlas.location_precision: how exactly a site's point is known. */
export const LOCATION_PRECISIONS = ['exact', 'town', 'district', 'region', 'country'] as const;
/** atlas.construction_note */
export const CONSTRUCTION_NOTES = ['polymer', '3d_printed', 'modular', 'artisanal_copy', 'counterfeit'] as const;
/** atlas.party_kind */
export const PARTY_KINDS = ['manufacturer', 'state', 'company', 'broker', 'armed_group', 'state_force'] as const;
/** atlas.source_kind */
export const SOURCE_KINDS = ['field_team', 'un_panel', 'national_authority', 'news_organisation', 'publication'] as const;
/** atlas.trace_request_kind */
export const TRACE_REQUEST_KINDS = ['primary', 'secondary'] as const;
/** atlas.trace_response_class */
export const TRACE_RESPONSE_CLASSES = ['expansive', 'permissive', 'dissuasive'] as const;
/** atlas.trace_failure: why a request got no response. */
export const TRACE_FAILURES = ['recipient_dissolved', 'no_reply'] as const;
/** atlas.trace_factor_kind */
export const TRACE_FACTOR_KINDS = ['limiting', 'supporting'] as const;
/** atlas.diversion_mechanism */
export const DIVERSION_MECHANISMS = ['stockpile_leakage', 'battlefield_capture', 'state_supply', 'in_transit', 'theft', 'unknown'] as const;
/** atlas.waypoint_role */
export const WAYPOINT_ROLES = ['origin', 'port_of_loading', 'transit', 'port_of_unloading', 'destination'] as const;
/** atlas.route_status */
export const ROUTE_STATUSES = ['reconstructed', 'suspected'] as const;
/** The CHECK on atlas.users.role (025): what an account may do (auth/account.ts's AccountRole). */
export const ACCOUNT_ROLES = ['editor', 'admin', 'partner'] as const;
/** The CHECK on atlas.case_parties.role: what a party did in a diversion case. */
export const CASE_PARTY_ROLES = ['manufacturer', 'exporter', 'authorised_recipient', 'intermediary', 'diverter', 'end_holder'] as const;
/** atlas.release_record_kinds() (023): the publishable tables a data release counts changes in. */
export const RECORD_KINDS = ['reports', 'parties', 'sites', 'documentation_events', 'items', 'trace_requests',
	'trace_responses', 'consignments', 'transfers', 'routes', 'diversion_cases', 'right_of_reply'] as const;
/** The CHECK on every *_precision column (012): null there means the day is known. */
export const STORED_DATE_PRECISIONS = ['month', 'year', 'unpublished'] as const;

/**
 * The rows of atlas.trace_factors (code, kind), in their `position` order: the limiting and
 * supporting factors a trace response names (Diversion Digest 03's factor table).
 */
export const TRACE_FACTORS = [
	{ code: 'formal_refusal', kind: 'limiting' },
	{ code: 'records_destroyed', kind: 'limiting' },
	{ code: 'retention_expired', kind: 'limiting' },
	{ code: 'party_no_longer_exists', kind: 'limiting' },
	{ code: 'records_not_kept', kind: 'limiting' },
	{ code: 'manufacturer_confirmed', kind: 'supporting' },
	{ code: 'manufacture_date_given', kind: 'supporting' },
	{ code: 'recipient_given', kind: 'supporting' },
	{ code: 'delivery_dates_given', kind: 'supporting' },
	{ code: 'quantity_given', kind: 'supporting' },
	{ code: 'intermediaries_given', kind: 'supporting' },
	{ code: 'transfer_documents_given', kind: 'supporting' }
] as const satisfies readonly { code: string; kind: TraceFactorKind }[];
export const TRACE_FACTOR_CODES = TRACE_FACTORS.map((factor) => factor.code);

/** The response filter: a class, or `none` for items whose requests got no response. */
export const RESPONSE_FILTERS = [...TRACE_RESPONSE_CLASSES, 'none'] as const;

export type Visibility = (typeof VISIBILITIES)[number];
export type ItemCategory = (typeof ITEM_CATEGORIES)[number];
export type MarkingState = (typeof MARKING_STATES)[number];
export type DocumentationContext = (typeof DOCUMENTATION_CONTEXTS)[number];
export type VerificationState = (typeof VERIFICATION_STATES)[number];
export type LocationPrecision = (typeof LOCATION_PRECISIONS)[number];
export type ConstructionNote = (typeof CONSTRUCTION_NOTES)[number];
export type PartyKind = (typeof PARTY_KINDS)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type TraceRequestKind = (typeof TRACE_REQUEST_KINDS)[number];
export type TraceResponseClass = (typeof TRACE_RESPONSE_CLASSES)[number];
export type TraceFailure = (typeof TRACE_FAILURES)[number];
export type TraceFactorKind = (typeof TRACE_FACTOR_KINDS)[number];
export type TraceFactorCode = (typeof TRACE_FACTORS)[number]['code'];
export type DiversionMechanism = (typeof DIVERSION_MECHANISMS)[number];
export type WaypointRole = (typeof WAYPOINT_ROLES)[number];
export type RouteStatus = (typeof ROUTE_STATUSES)[number];
export type CasePartyRole = (typeof CASE_PARTY_ROLES)[number];
export type RecordKind = (typeof RECORD_KINDS)[number];
export type StoredDatePrecision = (typeof STORED_DATE_PRECISIONS)[number];
export type ResponseFilter = (typeof RESPONSE_FILTERS)[number];
/**
 * How much of a date its source gives, as the API says it: 'day', only the 'month' or
 * 'year' (the date is the first day of it), or 'unpublished' (a placeholder never shown).
 */
export type DatePrecision = 'day' | StoredDatePrecision;
