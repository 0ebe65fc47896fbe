// Row-level security (db/migrations/008_row_security.sql): what each kind of viewer may read
// through atlas_reader, and that the web reader can never write. Reads run the way the web
// server runs them (tests/integration/as-viewer.ts); the owner connection is the yardstick.
import { expect, it } from 'vitest';
import type { Sql, TransactionSql } from 'postgres';
import { describeEachBackend } from '../backends.ts';
import { asPublic, asViewer } from '../as-viewer.ts';
import { rolledBack } from '../rolled-back.ts';

const PUBLISHABLE = [
	'items', 'sites', 'documentation_events', 'parties', 'trace_requests', 'trace_responses', 'consignments',
	'transfers', 'routes', 'diversion_cases', 'right_of_reply', 'reports'
] as const;

/** Link tables and the rows each link points at: a link may only be seen with both ends. */
const LINKS: [table: string, ends: [column: string, table: string][]][] = [
	['item_photos', [['item_id', 'items']]],
	['trace_request_items', [['request_id', 'trace_requests'], ['item_id', 'items']]],
	['trace_response_factors', [['response_id', 'trace_responses']]],
	['transfer_waypoints', [['transfer_id', 'transfers']]],
	['case_parties', [['case_id', 'diversion_cases'], ['party_id', 'parties']]],
	['case_items', [['case_id', 'diversion_cases'], ['item_id', 'items']]],
	['case_sites', [['case_id', 'diversion_cases'], ['site_id', 'sites']]]
];

const becomeViewer = (tx: TransactionSql, role: 'public' | 'partner' | 'staff', country = '') =>
	tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', ${role}, true),
		set_config('atlas.viewer_country', ${country}, true)`;

type Counts = Record<string, { draft: number; restricted: number; public: number }>;

async function countByVisibility(tx: TransactionSql | Sql): Promise<Counts> {
	const rows = await tx.unsafe(PUBLISHABLE.map((t) => `
		SELECT '${t}' AS t, count(*) FILTER (WHERE visibility = 'draft')::int AS draft,
		  count(*) FILTER (WHERE visibility = 'restricted')::int AS restricted,
		  count(*) FILTER (WHERE visibility = 'public')::int AS public
		FROM atlas.${t}`).join(' UNION ALL '));
	return Object.fromEntries(rows.map((r) => [r.t, { draft: r.draft, restricted: r.restricted, public: r.public }]));
}

/**
 * The seed has no draft or restricted parties, consignments, transfers, routes or reports;
 * copies one existing row of such a table as 'draft' and as 'restricted' (rolled back later),
 * so every table has hidden rows to hide.
 */
async function addHiddenRows(tx: TransactionSql) {
	const before = await countByVisibility(tx);
	for (const table of PUBLISHABLE) {
		const columns = (await tx`
			SELECT column_name FROM information_schema.columns
			WHERE table_schema = 'atlas' AND table_name = ${table} AND is_identity = 'NO' AND is_generated = 'NEVER'
			  AND column_name <> 'visibility' ORDER BY ordinal_position`).map((c) => `"${c.column_name}"`).join(', ');
		for (const visibility of ['draft', 'restricted'] as const) {
			if (before[table][visibility] > 0) continue;
			// A right-of-reply copy is the next version of its thread: the database refuses a
			// second row with the same version (027).
			const copied = table === 'right_of_reply' ? columns.replace('"version"', '"version" + 1') : columns;
			const latest = table === 'right_of_reply'
				? `WHERE NOT EXISTS (SELECT 1 FROM atlas.right_of_reply l WHERE l.party_id = t.party_id AND l.version > t.version
					AND l.response_id IS NOT DISTINCT FROM t.response_id AND l.case_id IS NOT DISTINCT FROM t.case_id)`
				: '';
			await tx.unsafe(`INSERT INTO atlas.${table} (${columns}, visibility)
				SELECT ${copied}, '${visibility}' FROM atlas.${table} t ${latest} ORDER BY id DESC LIMIT 1`);
		}
	}
}

/**
 * The public rows the anonymous viewer reads, per table, counted by the owner: every public
 * row, except a public route whose consignment, case or site is not public (017).
 */
async function publicShown(tx: TransactionSql | Sql, owner: Counts): Promise<Record<string, number>> {
	const [routes] = await tx`SELECT count(*)::int AS n FROM atlas.routes r JOIN atlas.sites s ON s.id = r.site_id AND s.visibility = 'public'
		WHERE r.visibility = 'public'
		  AND (r.consignment_id IS NULL OR EXISTS (SELECT 1 FROM atlas.consignments c WHERE c.id = r.consignment_id AND c.visibility = 'public'))
		  AND (r.case_id IS NULL OR EXISTS (SELECT 1 FROM atlas.diversion_cases d WHERE d.id = r.case_id AND d.visibility = 'public'))`;
	return { ...Object.fromEntries(PUBLISHABLE.map((t) => [t, owner[t].public])), routes: routes.n };
}

describeEachBackend('row-level security decides what each viewer reads', (db) => {
	it('shows the anonymous viewer every public row and no draft or restricted row in any publishable table', async () => {
		await rolledBack(db(), async (tx) => {
			await addHiddenRows(tx);
			const owner = await countByVisibility(tx);
			for (const table of PUBLISHABLE) {
				// The owner sees hidden rows exist, so an empty result below means something.
				expect(owner[table].draft, `${table} drafts (owner)`).toBeGreaterThan(0);
				expect(owner[table].restricted, `${table} restricted (owner)`).toBeGreaterThan(0);
			}
			const shown = await publicShown(tx, owner);
			expect(shown.routes).toBeGreaterThan(0);
			await becomeViewer(tx, 'public');
			const seen = await countByVisibility(tx);
			for (const table of PUBLISHABLE) {
				expect(seen[table], table).toEqual({ draft: 0, restricted: 0, public: shown[table] });
			}
		});
	});

	it('treats a reader with no viewer set as the anonymous public', async () => {
		const shown = await publicShown(db(), await countByVisibility(db()));
		const seen = await rolledBack(db(), async (tx) => {
			await tx`SELECT set_config('role', 'atlas_reader', true)`;
			return countByVisibility(tx);
		});
		for (const table of PUBLISHABLE) expect(seen[table], table).toEqual({ draft: 0, restricted: 0, public: shown[table] });
	});

	it("shows a partner the restricted trace requests addressed to its country and none of another country's", async () => {
		const [busiest] = await db()`
			SELECT recipient_iso3 AS iso3, count(*)::int AS n FROM atlas.trace_requests
			WHERE visibility = 'restricted' AND recipient_iso3 IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`;
		const [others] = await db()`
			SELECT count(*)::int AS n FROM atlas.trace_requests
			WHERE visibility = 'restricted' AND recipient_iso3 IS DISTINCT FROM ${busiest.iso3}`;
		expect(busiest.n).toBeGreaterThan(0);
		expect(others.n).toBeGreaterThan(0);
		const seen = await asViewer(db(), { role: 'partner', country: busiest.iso3 }, (tx) => tx`
			SELECT count(*) FILTER (WHERE visibility = 'restricted' AND recipient_iso3 = ${busiest.iso3})::int AS own,
			  count(*) FILTER (WHERE visibility = 'restricted' AND recipient_iso3 IS DISTINCT FROM ${busiest.iso3})::int AS foreign,
			  count(*) FILTER (WHERE visibility = 'draft')::int AS drafts
			FROM atlas.trace_requests`);
		expect(seen[0]).toEqual({ own: busiest.n, foreign: 0, drafts: 0 });
	});

	it("shows a partner the restricted responses to its country's requests and the restricted items made there, no others", async () => {
		const [response] = await db()`
			SELECT r.recipient_iso3 AS iso3 FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
			WHERE p.visibility = 'restricted' AND r.visibility = 'restricted' AND r.recipient_iso3 IS NOT NULL
			GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
		const [item] = await db()`
			SELECT made_in_iso3 AS iso3 FROM atlas.items WHERE visibility = 'restricted' AND made_in_iso3 IS NOT NULL
			GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
		const expected = async (iso3: string) => (await db()`
			SELECT (SELECT count(*) FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
			          WHERE p.visibility = 'restricted' AND r.recipient_iso3 = ${iso3})::int AS responses,
			  (SELECT count(*) FROM atlas.items WHERE visibility = 'restricted' AND made_in_iso3 = ${iso3})::int AS items`)[0];
		for (const iso3 of new Set([response.iso3, item.iso3])) {
			const owner = await expected(iso3);
			const seen = await asViewer(db(), { role: 'partner', country: iso3 }, (tx) => tx`
				SELECT
				  (SELECT count(*) FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
				     WHERE p.visibility = 'restricted' AND r.recipient_iso3 = ${iso3})::int AS responses,
				  (SELECT count(*) FROM atlas.trace_responses p WHERE p.visibility = 'restricted' AND NOT EXISTS (
				     SELECT 1 FROM atlas.trace_requests r WHERE r.id = p.request_id AND r.recipient_iso3 = ${iso3}))::int AS foreign_responses,
				  (SELECT count(*) FROM atlas.items WHERE visibility = 'restricted' AND made_in_iso3 = ${iso3})::int AS items,
				  (SELECT count(*) FROM atlas.items WHERE visibility = 'restricted' AND made_in_iso3 IS DISTINCT FROM ${iso3})::int AS foreign_items,
				  (SELECT count(*) FROM atlas.items WHERE visibility = 'draft')::int AS draft_items`);
			expect(seen[0], iso3).toEqual({ ...owner, foreign_responses: 0, foreign_items: 0, draft_items: 0 });
		}
		expect((await expected(response.iso3)).responses).toBeGreaterThan(0);
		expect((await expected(item.iso3)).items).toBeGreaterThan(0);
	});

	it('shows staff every row, drafts included, in every publishable table', async () => {
		const owner = await countByVisibility(db());
		const staff = await asViewer(db(), { role: 'staff' }, (tx) => countByVisibility(tx));
		expect(staff).toEqual(owner);
		expect(PUBLISHABLE.reduce((n, t) => n + owner[t].draft, 0)).toBeGreaterThan(0);
	});

	it('shows the anonymous viewer no link (photo, waypoint, case or trace link) to a row it may not see', async () => {
		// Counted as the viewer: a link row is visible although a row it belongs to is not.
		const orphans = await asPublic(db(), (tx) => tx.unsafe(LINKS.map(([table, ends]) => `
			SELECT '${table}' AS t, count(*)::int AS n FROM atlas.${table} l
			WHERE ${ends.map(([column, parent]) => `NOT EXISTS (SELECT 1 FROM atlas.${parent} x WHERE x.id = l.${column})`).join(' OR ')}`)
			.join(' UNION ALL ')));
		expect(Object.fromEntries(orphans.map((r) => [r.t, r.n]))).toEqual(Object.fromEntries(LINKS.map(([t]) => [t, 0])));
		// ...while such links exist, as the owner sees.
		const [hidden] = await db()`
			SELECT (SELECT count(*) FROM atlas.item_photos p JOIN atlas.items i ON i.id = p.item_id WHERE i.visibility <> 'public')::int AS photos,
			  (SELECT count(*) FROM atlas.case_items c JOIN atlas.diversion_cases d ON d.id = c.case_id WHERE d.visibility <> 'public')::int AS case_items`;
		expect(hidden.photos).toBeGreaterThan(0);
		expect(hidden.case_items).toBeGreaterThan(0);
	});

	it('denies atlas_reader any read of users, sessions and the audit log', async () => {
		for (const table of ['users', 'sessions', 'audit_log']) {
			for (const role of ['public', 'staff'] as const) {
				await expect(asViewer(db(), { role }, (tx) => tx.unsafe(`SELECT count(*) FROM atlas.${table}`)), `${role} ${table}`)
					.rejects.toThrow(/permission denied/);
			}
		}
	});

	it('denies atlas_reader, even as staff, any INSERT, UPDATE or DELETE on every atlas table', async () => {
		const tables = await db()`
			SELECT t.table_name AS name,
			  (SELECT c.column_name FROM information_schema.columns c WHERE c.table_schema = 'atlas' AND c.table_name = t.table_name
			     AND c.is_identity = 'NO' AND c.is_generated = 'NEVER' ORDER BY c.ordinal_position LIMIT 1) AS col
			FROM information_schema.tables t WHERE t.table_schema = 'atlas' AND t.table_type = 'BASE TABLE' ORDER BY 1`;
		expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining([...PUBLISHABLE, 'users', 'sessions', 'audit_log']));
		for (const { name, col } of tables) {
			for (const statement of [
				`INSERT INTO atlas.${name} DEFAULT VALUES`,
				`UPDATE atlas.${name} SET "${col}" = "${col}" WHERE false`,
				`DELETE FROM atlas.${name} WHERE false`
			]) {
				// A write that slipped through would still be rolled back with its transaction.
				await expect(asViewer(db(), { role: 'staff' }, (tx) => tx.unsafe(statement)), statement).rejects.toThrow(/permission denied/);
			}
		}
	});
});
