// The domain vocabulary (src/lib/domain/vocabulary.ts) is the database's own words: each
// list equals its enum's values in the enum's order, each CHECK list its constraint's, and
// the trace factors are the rows of atlas.trace_factors. A new enum value, a new enum, or a
// word renamed on one side fails here before it reaches a page as a missing label.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import * as vocabulary from '../../../src/lib/domain/vocabulary.ts';

/** Each atlas enum and the vocabulary list that must hold exactly its values. */
const ENUM_LISTS: Record<string, readonly string[]> = {
	visibility: vocabulary.VISIBILITIES,
	location_precision: vocabulary.LOCATION_PRECISIONS,
	documentation_context: vocabulary.DOCUMENTATION_CONTEXTS,
	verification_state: vocabulary.VERIFICATION_STATES,
	item_category: vocabulary.ITEM_CATEGORIES,
	marking_state: vocabulary.MARKING_STATES,
	construction_note: vocabulary.CONSTRUCTION_NOTES,
	party_kind: vocabulary.PARTY_KINDS,
	source_kind: vocabulary.SOURCE_KINDS,
	trace_request_kind: vocabulary.TRACE_REQUEST_KINDS,
	trace_response_class: vocabulary.TRACE_RESPONSE_CLASSES,
	trace_factor_kind: vocabulary.TRACE_FACTOR_KINDS,
	trace_failure: vocabulary.TRACE_FAILURES,
	diversion_mechanism: vocabulary.DIVERSION_MECHANISMS,
	waypoint_role: vocabulary.WAYPOINT_ROLES,
	route_status: vocabulary.ROUTE_STATUSES
};

/** The quoted words of a CHECK's `IN (...)` list as PostgreSQL prints it back (`= ANY (ARRAY['a'::text, ...])`). */
const checkWords = (definition: string) => [...definition.matchAll(/'([^']*)'::text/g)].map((match) => match[1]);

describeEachBackend('the domain vocabulary is the database’s', (db) => {
	it('has one list for every atlas enum, and no list for an enum the schema lacks', async () => {
		const rows = await db()`
			SELECT t.typname AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = 'atlas' AND t.typtype = 'e' ORDER BY t.typname`;
		expect(rows.map((row) => row.name)).toEqual(Object.keys(ENUM_LISTS).sort());
	});

	it.each(Object.entries(ENUM_LISTS))('lists the values of atlas.%s in its order', async (name, list) => {
		const [row] = await db()`
			SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS words
			FROM pg_enum e JOIN pg_type t ON t.oid = e.enumtypid JOIN pg_namespace n ON n.oid = t.typnamespace
			WHERE n.nspname = 'atlas' AND t.typname = ${name}`;
		expect(row.words).toEqual([...list]);
	});

	it('lists the case-party roles of the CHECK on atlas.case_parties.role', async () => {
		const [row] = await db()`
			SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
			WHERE c.conrelid = 'atlas.case_parties'::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%role%'`;
		expect(checkWords(row.definition)).toEqual([...vocabulary.CASE_PARTY_ROLES]);
	});

	it('lists the account roles of the CHECK on atlas.users.role', async () => {
		const [row] = await db()`
			SELECT pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
			WHERE c.conrelid = 'atlas.users'::regclass AND c.conname = 'users_role_check'`;
		expect(checkWords(row.definition)).toEqual([...vocabulary.ACCOUNT_ROLES]);
	});

	it('lists the record kinds a data release counts (atlas.release_record_kinds())', async () => {
		const [row] = await db()`SELECT atlas.release_record_kinds() AS kinds`;
		expect(row.kinds).toEqual([...vocabulary.RECORD_KINDS]);
	});

	it('lists the date precisions of the CHECK on every *_precision column', async () => {
		const rows = await db()`
			SELECT c.conrelid::regclass::text AS "table", pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c
			JOIN pg_namespace n ON n.oid = c.connamespace
			WHERE n.nspname = 'atlas' AND c.contype = 'c' AND c.conname LIKE '%\_precision\_known' ORDER BY 1`;
		expect(rows.map((row) => row.table)).toEqual(['atlas.documentation_events', 'atlas.trace_requests', 'atlas.trace_responses']);
		for (const row of rows) expect(checkWords(row.definition)).toEqual([...vocabulary.STORED_DATE_PRECISIONS]);
	});

	it('lists the trace factors of atlas.trace_factors with their kinds, in position order', async () => {
		const rows = await db()`SELECT code, kind::text AS kind FROM atlas.trace_factors ORDER BY position`;
		expect(rows.map((row) => ({ code: row.code, kind: row.kind }))).toEqual(vocabulary.TRACE_FACTORS.map((factor) => ({ ...factor })));
	});

});
