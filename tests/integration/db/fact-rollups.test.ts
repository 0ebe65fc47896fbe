// The rollups (db/migrations/018_fact_rollups.sql, 028, 031 and 032, and the case signatures and request facts of 022) are a GROUP BY of atlas.item_facts after
// any committed change of facts: inserts, deletes and updates of any column they sum or are
// keyed by, in any mix per statement, and the full refresh (delete all, insert all). The
// expected GROUP BY is written here, independently of the trigger's SQL.
import fc from 'fast-check';
import type { TransactionSql } from 'postgres';
import { beforeAll, expect, it } from 'vitest';
import { ITEM_CATEGORIES, MARKING_STATES, RESPONSE_FILTERS, VISIBILITIES } from '../../../src/lib/domain/vocabulary.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { rolledBack } from '../rolled-back.ts';

// What every rollup is keyed by besides its own columns: the Filter dimensions and what the
// facts' row security reads (the partition country only where the item is restricted).
const KEY = `country_iso3, date_trunc('year', documented_on)::date AS documented_on, category, item_visibility, place_visibility,
	CASE WHEN item_visibility = 'restricted' THEN made_in_iso3 END AS item_partition_iso3, synthetic`;
const KEY_COLUMNS = 'country_iso3, documented_on, category, item_visibility, place_visibility, item_partition_iso3, synthetic';
const REQUEST_FACTS = `documented_on, country_iso3, category, item_type, made_in_iso3, manufacturer_id, holding_party_id, response_classes,
	marking_state, case_ids, consignment_id, item_visibility, place_visibility, chain_visibility`;
const AGE = `CASE WHEN category = 'weapon' THEN extract(year FROM documented_on)::int - year_made END`;

// The (dimension, value) pairs a Filter selects an item by (031), one row per value of the
// fact `f`, and those the charts and facets count it under besides.
const FILTER_VALUES = `(SELECT 'type' AS dimension, f.item_type AS value
	UNION ALL SELECT 'made_in', f.made_in_iso3::text WHERE f.made_in_iso3 IS NOT NULL
	UNION ALL SELECT 'marking', f.marking_state::text
	UNION ALL SELECT DISTINCT 'response', class FROM unnest(f.response_classes) AS class)`;
const CHART_VALUES = `(${FILTER_VALUES.slice(1, -1)}
	UNION ALL SELECT 'decade', ((f.year_made / 10) * 10)::text WHERE f.category = 'weapon' AND f.year_made IS NOT NULL
	UNION ALL SELECT 'group', f.holding_party_id::text WHERE f.holding_party_id IS NOT NULL)`;
const FACT_VALUES = 'item_type, made_in_iso3, marking_state, response_classes, year_made, holding_party_id';
const F_KEY_COLUMNS = KEY_COLUMNS.replaceAll(/(\w+)/g, 'f.$1');

/** Each rollup as a query, and the same rows computed from item_facts. */
const ROLLUPS: { name: string; actual: string; expected: string; whole?: true }[] = [
	{
		name: 'site_rollup',
		actual: `SELECT site_id, ${KEY_COLUMNS}, items::bigint, units::bigint FROM atlas.site_rollup`,
		expected: `SELECT site_id, ${KEY_COLUMNS}, count(*)::bigint, sum(quantity)::bigint FROM (SELECT site_id, quantity, ${KEY} FROM atlas.item_facts) f
			GROUP BY site_id, ${KEY_COLUMNS}`
	},
	{
		name: 'site_total_rollup',
		actual: `SELECT site_id, ${KEY_COLUMNS.replace('documented_on, ', '')}, items::bigint, units::bigint FROM atlas.site_total_rollup`,
		expected: `SELECT site_id, ${KEY_COLUMNS.replace('documented_on, ', '')}, count(*)::bigint, sum(quantity)::bigint FROM (SELECT site_id, quantity, ${KEY} FROM atlas.item_facts) f
			GROUP BY site_id, ${KEY_COLUMNS.replace('documented_on, ', '')}`
	},
	{
		name: 'dimension_rollup',
		actual: `SELECT dimension, value, ${KEY_COLUMNS}, items::bigint, units::bigint, weapons_aged::bigint, over10::bigint, over20::bigint, over30::bigint
			FROM atlas.dimension_rollup`,
		expected: `SELECT dimension, value, ${KEY_COLUMNS}, count(*)::bigint, sum(quantity)::bigint, count(age)::bigint,
				count(*) FILTER (WHERE age > 10)::bigint, count(*) FILTER (WHERE age > 20)::bigint, count(*) FILTER (WHERE age > 30)::bigint
			FROM (
				SELECT 'type' AS dimension, item_type AS value, quantity, ${AGE} AS age, ${KEY} FROM atlas.item_facts
				UNION ALL SELECT 'made_in', made_in_iso3::text, quantity, ${AGE}, ${KEY} FROM atlas.item_facts WHERE made_in_iso3 IS NOT NULL
				UNION ALL SELECT 'marking', marking_state::text, quantity, ${AGE}, ${KEY} FROM atlas.item_facts
				UNION ALL SELECT 'decade', ((year_made / 10) * 10)::text, quantity, ${AGE}, ${KEY} FROM atlas.item_facts WHERE category = 'weapon' AND year_made IS NOT NULL
				UNION ALL SELECT 'group', holding_party_id::text, quantity, ${AGE}, ${KEY} FROM atlas.item_facts WHERE holding_party_id IS NOT NULL
				UNION ALL SELECT 'response', r.class, quantity, ${AGE}, ${KEY} FROM atlas.item_facts,
					LATERAL (SELECT DISTINCT class FROM unnest(response_classes) AS class) AS r
			) AS f
			GROUP BY dimension, value, ${KEY_COLUMNS}`
	},
	{
		// 028: per site, the dimensions a sites tile may be filtered by one at a time.
		name: 'site_dimension_rollup',
		actual: `SELECT dimension, value, site_id, ${KEY_COLUMNS}, items::bigint, units::bigint FROM atlas.site_dimension_rollup`,
		expected: `SELECT dimension, value, site_id, ${KEY_COLUMNS}, count(*)::bigint, sum(quantity)::bigint
			FROM (
				SELECT 'type' AS dimension, item_type AS value, site_id, quantity, ${KEY} FROM atlas.item_facts
				UNION ALL SELECT 'made_in', made_in_iso3::text, site_id, quantity, ${KEY} FROM atlas.item_facts WHERE made_in_iso3 IS NOT NULL
				UNION ALL SELECT 'marking', marking_state::text, site_id, quantity, ${KEY} FROM atlas.item_facts
				UNION ALL SELECT 'response', r.class, site_id, quantity, ${KEY} FROM atlas.item_facts,
					LATERAL (SELECT DISTINCT class FROM unnest(response_classes) AS class) AS r
			) AS f
			GROUP BY dimension, value, site_id, ${KEY_COLUMNS}`
	},
	{
		// 032: the same without the year, for a Filter without time.
		name: 'site_dimension_total_rollup',
		actual: `SELECT dimension, value, site_id, ${KEY_COLUMNS.replace('documented_on, ', '')}, items::bigint, units::bigint
			FROM atlas.site_dimension_total_rollup`,
		expected: `SELECT b.dimension, b.value, f.site_id, ${F_KEY_COLUMNS.replace('f.documented_on, ', '')}, count(*)::bigint, sum(f.quantity)::bigint
			FROM (SELECT site_id, quantity, ${FACT_VALUES}, ${KEY} FROM atlas.item_facts) f
			CROSS JOIN LATERAL ${FILTER_VALUES} AS b
			GROUP BY b.dimension, b.value, f.site_id, ${F_KEY_COLUMNS.replace('f.documented_on, ', '')}`
	},
	{
		// 031: per filtered (dimension, value), the items under each chart and facet value; the
		// filtered dimension against itself only at its own value.
		name: 'dimension_pair_rollup',
		actual: `SELECT by_dimension, by_value, dimension, value, ${KEY_COLUMNS}, items::bigint, units::bigint, weapons_aged::bigint,
				over10::bigint, over20::bigint, over30::bigint
			FROM atlas.dimension_pair_rollup`,
		expected: `SELECT b.dimension AS by_dimension, b.value AS by_value, c.dimension, c.value, ${F_KEY_COLUMNS}, count(*)::bigint,
				sum(f.quantity)::bigint, count(f.age)::bigint, count(*) FILTER (WHERE f.age > 10)::bigint,
				count(*) FILTER (WHERE f.age > 20)::bigint, count(*) FILTER (WHERE f.age > 30)::bigint
			FROM (SELECT quantity, ${AGE} AS age, ${FACT_VALUES}, ${KEY} FROM atlas.item_facts) f
			CROSS JOIN LATERAL ${FILTER_VALUES} AS b
			CROSS JOIN LATERAL ${CHART_VALUES} AS c
			WHERE c.dimension <> b.dimension OR c.value = b.value
			GROUP BY b.dimension, b.value, c.dimension, c.value, ${F_KEY_COLUMNS}`
	},
	{
		// 031: the cases per filtered value, with each case's own visibility (its country only
		// where it is restricted; none for a case id without a case row).
		name: 'case_dimension_rollup',
		actual: `SELECT dimension, value, case_id, ${KEY_COLUMNS}, case_visibility, case_partition_iso3, items::bigint FROM atlas.case_dimension_rollup`,
		expected: `SELECT b.dimension, b.value, k.case_id, ${F_KEY_COLUMNS}, d.visibility, CASE WHEN d.visibility = 'restricted' THEN d.country_iso3 END,
				count(*)::bigint
			FROM (SELECT case_ids, ${FACT_VALUES}, ${KEY} FROM atlas.item_facts) f
			CROSS JOIN LATERAL unnest(f.case_ids) AS k (case_id)
			CROSS JOIN LATERAL ${FILTER_VALUES} AS b
			LEFT JOIN atlas.diversion_cases d ON d.id = k.case_id
			GROUP BY b.dimension, b.value, k.case_id, ${F_KEY_COLUMNS}, d.visibility, d.country_iso3`
	},
	{
		// 031: the (consignment, site) pairs per filtered value.
		name: 'consignment_site_dimension_rollup',
		actual: `SELECT dimension, value, consignment_id, site_id, ${KEY_COLUMNS}, items::bigint FROM atlas.consignment_site_dimension_rollup`,
		expected: `SELECT b.dimension, b.value, f.consignment_id, f.site_id, ${F_KEY_COLUMNS}, count(*)::bigint
			FROM (SELECT consignment_id, site_id, ${FACT_VALUES}, ${KEY} FROM atlas.item_facts WHERE consignment_id IS NOT NULL) f
			CROSS JOIN LATERAL ${FILTER_VALUES} AS b
			GROUP BY b.dimension, b.value, f.consignment_id, f.site_id, ${F_KEY_COLUMNS}`
	},
	{
		name: 'case_rollup',
		actual: `SELECT case_id, ${KEY_COLUMNS}, items::bigint FROM atlas.case_rollup`,
		expected: `SELECT case_id, ${KEY_COLUMNS}, count(*)::bigint FROM (SELECT c AS case_id, ${KEY} FROM atlas.item_facts, unnest(case_ids) AS c) f
			GROUP BY case_id, ${KEY_COLUMNS}`
	},
	{
		// Each case's signature (022) has exactly the keys of the case's facts, and the case's
		// own visibility (its country kept only where it is restricted, as its row security reads).
		name: 'case_signature_keys',
		actual: `SELECT o.case_id, ${KEY_COLUMNS.replaceAll(/(\w+)/g, 'k.$1')}, o.case_visibility, o.case_partition_iso3
			FROM atlas.case_signature_of o JOIN atlas.case_signature_keys k ON k.signature = o.signature`,
		expected: `SELECT f.case_id, ${KEY_COLUMNS.replaceAll(/(\w+)/g, 'f.$1')}, d.visibility,
				CASE WHEN d.visibility = 'restricted' THEN d.country_iso3 END
			FROM (SELECT c AS case_id, ${KEY} FROM atlas.item_facts, unnest(case_ids) AS c) f JOIN atlas.diversion_cases d ON d.id = f.case_id
			GROUP BY f.case_id, ${KEY_COLUMNS.replaceAll(/(\w+)/g, 'f.$1')}, d.visibility, d.country_iso3`
	},
	{
		// And each (signature, case visibility) counts its cases. Not keyed by country: compared whole.
		name: 'case_signature_rollup',
		whole: true,
		actual: `SELECT signature, case_visibility, case_partition_iso3, cases::bigint FROM atlas.case_signature_rollup`,
		expected: `SELECT signature, case_visibility, case_partition_iso3, count(*)::bigint FROM atlas.case_signature_of GROUP BY 1, 2, 3`
	},
	{
		// Each link of a trace request to an item, with the item's facts and its chain visibility (022).
		name: 'request_item_facts',
		actual: `SELECT request_id, item_id, ST_AsEWKB(geom_3857) AS geom, ${REQUEST_FACTS} FROM atlas.request_item_facts`,
		expected: `SELECT ri.request_id, ri.item_id, ST_AsEWKB(f.geom_3857), ${REQUEST_FACTS.replaceAll(/(\w+)/g, 'f.$1').replace('f.chain_visibility', 'i.chain_visibility')}
			FROM atlas.trace_request_items ri JOIN (SELECT * FROM atlas.item_facts) f ON f.item_id = ri.item_id JOIN atlas.items i ON i.id = ri.item_id`
	},
	{
		name: 'consignment_site_rollup',
		actual: `SELECT consignment_id, site_id, ${KEY_COLUMNS}, items::bigint FROM atlas.consignment_site_rollup`,
		expected: `SELECT consignment_id, site_id, ${KEY_COLUMNS}, count(*)::bigint
			FROM (SELECT consignment_id, site_id, ${KEY} FROM atlas.item_facts WHERE consignment_id IS NOT NULL) f
			GROUP BY consignment_id, site_id, ${KEY_COLUMNS}`
	}
];

/**
 * Rows in one and not the other, per rollup (none when the rollups are right); with
 * `countries`, only the rows of facts in those countries (every rollup is keyed by it), so a
 * check after a few changes does not regroup the whole archive.
 */
async function differences(tx: TransactionSql, countries?: string[]) {
	const out: Record<string, number> = {};
	const scope = countries ? 'WHERE country_iso3 = ANY($1::char(3)[])' : '';
	for (const { name, actual, expected, whole } of ROLLUPS) {
		const scoped = countries && !whole;
		const within = scoped ? scope : '';
		const [mine, theirs] = [actual, expected].map((query) => `SELECT * FROM (${query.replaceAll('FROM atlas.item_facts', `FROM (SELECT * FROM atlas.item_facts ${within}) AS facts`)}) AS q ${within}`);
		const [{ n }] = await tx.unsafe(`SELECT count(*)::int AS n FROM ((${mine} EXCEPT ALL ${theirs}) UNION ALL (${theirs} EXCEPT ALL ${mine})) AS d`, scoped ? [countries] : []);
		out[name] = n;
	}
	return out;
}
const NONE = Object.fromEntries(ROLLUPS.map(({ name }) => [name, 0]));

/** One statement changing facts: an update of one column, a delete, or deleted rows put back changed. */
type Change =
	| { kind: 'update'; column: string; value: string; ids: number[] }
	| { kind: 'delete'; ids: number[] }
	| { kind: 'reinsert'; ids: number[]; quantity: number }
	// The cases of these facts published, restricted or drafted: no fact changes, the case signatures must.
	| { kind: 'case'; ids: number[]; visibility: string }
	// These facts' items unlinked from their trace requests, or linked to the first one.
	| { kind: 'link'; ids: number[] }
	| { kind: 'unlink'; ids: number[] };

async function apply(tx: TransactionSql, change: Change, otherCountry: string) {
	if (change.kind === 'delete') await tx`DELETE FROM atlas.item_facts WHERE item_id = ANY(${change.ids}::int[])`;
	else if (change.kind === 'unlink') await tx`DELETE FROM atlas.trace_request_items WHERE item_id = ANY(${change.ids}::int[])`;
	else if (change.kind === 'link') {
		await tx`INSERT INTO atlas.trace_request_items (request_id, item_id)
			SELECT (SELECT min(id) FROM atlas.trace_requests), id FROM atlas.items WHERE id = ANY(${change.ids}::int[]) ON CONFLICT DO NOTHING`;
	} else if (change.kind === 'case') {
		await tx`UPDATE atlas.diversion_cases SET visibility = ${change.visibility}::atlas.visibility
			WHERE id IN (SELECT unnest(case_ids) FROM atlas.item_facts WHERE item_id = ANY(${change.ids}::int[]))`;
	}
	else if (change.kind === 'reinsert') {
		await tx`CREATE TEMP TABLE IF NOT EXISTS taken (LIKE atlas.item_facts) ON COMMIT DROP`;
		await tx`TRUNCATE taken`;
		await tx`WITH gone AS (DELETE FROM atlas.item_facts WHERE item_id = ANY(${change.ids}::int[]) RETURNING *) INSERT INTO taken SELECT * FROM gone`;
		await tx`UPDATE taken SET quantity = ${change.quantity}`;
		await tx`INSERT INTO atlas.item_facts SELECT * FROM taken`;
	} else {
		// The column and its value expression come from the fixed list below, never from input.
		const moved = change.value === '$other_country';
		await tx.unsafe(`UPDATE atlas.item_facts SET ${change.column} = ${moved ? '$2::char(3)' : change.value} WHERE item_id = ANY($1::int[])`, moved ? [change.ids, otherCountry] : [change.ids]);
	}
}

const quoted = (words: readonly string[]) => words.map((word) => `'${word}'`);
const UPDATES: Record<string, string[]> = {
	item_visibility: quoted(VISIBILITIES).map((v) => `${v}::atlas.visibility`),
	place_visibility: quoted(VISIBILITIES).map((v) => `${v}::atlas.visibility`),
	category: quoted(ITEM_CATEGORIES).map((v) => `${v}::atlas.item_category`),
	marking_state: quoted(MARKING_STATES).map((v) => `${v}::atlas.marking_state`),
	quantity: ['1', 'quantity + 7', '250'],
	documented_on: ["documented_on + interval '400 days'", "documented_on - interval '3 years'", "'2016-07-01'"],
	// Replaced by the other country of the test's scope.
	country_iso3: ['$other_country'],
	made_in_iso3: ["'CHN'", "'USA'", 'NULL'],
	item_type: ["'rifle'", "item_type || ' (variant)'"],
	holding_party_id: ['NULL', 'holding_party_id + 1', '1'],
	year_made: ['NULL', '1975', 'year_made - 15'],
	response_classes: ["'{}'", `ARRAY[${quoted(RESPONSE_FILTERS).join(', ')}]`, "ARRAY['permissive', 'permissive', 'none']", "response_classes || 'dissuasive'::text"],
	case_ids: ["'{}'", 'ARRAY[1, 2]', 'case_ids || 999999'],
	consignment_id: ['NULL', '1', 'consignment_id + 1'],
	synthetic: ['NOT synthetic']
};

describeEachBackend('the rollups are a GROUP BY of the facts after any change', (db) => {
	let ids: number[] = [];
	// Changes touch the facts of two small countries (one moving facts into the other), and
	// the rollups are compared there.
	let scope: string[] = [];
	beforeAll(async () => {
		scope = (await db()`SELECT country_iso3::text AS iso3 FROM atlas.item_facts GROUP BY 1 HAVING count(*) >= 60 ORDER BY count(*), 1 LIMIT 2`).map((r) => r.iso3);
		ids = (await db()`SELECT item_id FROM atlas.item_facts WHERE country_iso3 = ${scope[0]} ORDER BY item_id`).map((r) => r.item_id);
	});

	// Every rollup compared whole with its GROUP BY: as long as the full refresh below.
	it('they equal the GROUP BY as loaded', async () => {
		expect(await rolledBack(db(), differences)).toEqual(NONE);
	}, 240_000);

	it('random inserts, deletes and updates of facts, several per transaction, leave them equal to the GROUP BY', async () => {
		const someIds = fc.uniqueArray(fc.constantFrom(...ids), { minLength: 1, maxLength: 40 });
		const change: fc.Arbitrary<Change> = fc.oneof(
			fc.constantFrom(...Object.keys(UPDATES)).chain((column) =>
				fc.record({ kind: fc.constant('update' as const), column: fc.constant(column), value: fc.constantFrom(...UPDATES[column]!), ids: someIds })
			),
			fc.record({ kind: fc.constant('delete' as const), ids: someIds }),
			fc.record({ kind: fc.constant('reinsert' as const), ids: someIds, quantity: fc.integer({ min: 1, max: 500 }) }),
			fc.record({ kind: fc.constant('case' as const), ids: someIds, visibility: fc.constantFrom(...VISIBILITIES) }),
			fc.record({ kind: fc.constant('link' as const), ids: someIds }),
			fc.record({ kind: fc.constant('unlink' as const), ids: someIds })
		);
		await fc.assert(
			fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 6 }), async (changes) => {
				const found = await rolledBack(db(), async (tx) => {
					for (const one of changes) await apply(tx, one, scope[1]!);
					return differences(tx, scope);
				});
				expect(found).toEqual(NONE);
			}),
			{ numRuns: 12 }
		);
	}, 240_000);

	it('the full refresh (delete all, insert all) leaves them equal to the GROUP BY', async () => {
		const found = await rolledBack(db(), async (tx) => {
			await tx`UPDATE atlas.item_facts SET quantity = quantity + 1 WHERE item_id = ANY(${ids.slice(0, 50)}::int[])`;
			await tx`SELECT atlas.refresh_item_facts()`;
			return differences(tx, scope);
		});
		expect(found).toEqual(NONE);
	}, 240_000);

	it('a reader sees only the rollup rows of facts they may see', async () => {
		const hidden = await asPublic(db(), async (tx) => {
			const [row] = await tx`SELECT
				(SELECT count(*) FROM atlas.site_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.site_total_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.dimension_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.case_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.consignment_site_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.site_dimension_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.site_dimension_total_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.dimension_pair_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.consignment_site_dimension_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.case_dimension_rollup
					WHERE item_visibility <> 'public' OR place_visibility <> 'public' OR case_visibility IS DISTINCT FROM 'public')::int
				+ (SELECT count(*) FROM atlas.case_signature_keys WHERE item_visibility <> 'public' OR place_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.case_signature_rollup WHERE case_visibility <> 'public')::int
				+ (SELECT count(*) FROM atlas.request_item_facts
					WHERE item_visibility <> 'public' OR place_visibility <> 'public' OR chain_visibility <> 'public')::int AS n,
				(SELECT count(*) FROM atlas.site_rollup)::int AS visible`;
			return row;
		});
		expect(hidden.n).toBe(0);
		expect(hidden.visible).toBeGreaterThan(0);
		// And there are hidden rows to hide.
		const [{ n }] = await db()`SELECT count(*)::int AS n FROM atlas.site_rollup WHERE item_visibility <> 'public' OR place_visibility <> 'public'`;
		expect(n).toBeGreaterThan(0);
	}, 120_000);
});
