// atlas.item_facts follows every change of the rows it is derived from, in the same
// transaction, rewriting only the changed items' facts (db/migrations/015), and the data
// version moves once per transaction (016). Every change here is made by the database owner
// in plain SQL, as an administrator would, inside a transaction that is rolled back.
import { expect, it } from 'vitest';
import type { TransactionSql } from 'postgres';
import { describeEachBackend } from '../backends.ts';
import { rolledBack } from '../rolled-back.ts';

/** The whole facts table as one digest of its rows in id order. */
async function factsDigest(tx: TransactionSql): Promise<{ rows: number; digest: string }> {
	const [row] = await tx`SELECT count(*)::int AS rows, md5(string_agg(f::text, '|' ORDER BY f.item_id)) AS digest FROM atlas.item_facts f`;
	return row as { rows: number; digest: string };
}

/** Rows of item_facts inserted and deleted so far in this transaction. */
async function factsWritten(tx: TransactionSql): Promise<{ inserted: number; deleted: number }> {
	const [row] = await tx`SELECT n_tup_ins::int AS inserted, n_tup_del::int AS deleted
		FROM pg_stat_xact_user_tables WHERE schemaname = 'atlas' AND relname = 'item_facts'`;
	return row as { inserted: number; deleted: number };
}

const version = async (tx: TransactionSql) => Number((await tx`SELECT version FROM atlas.data_version`)[0].version);

describeEachBackend('item facts follow changes', (db) => {
	it('rewrites the facts of an edited item, and of nothing else', async () => {
		const written = await rolledBack(db(), async (tx) => {
			const [item] = await tx`SELECT id FROM atlas.items WHERE visibility = 'public' AND category = 'weapon' ORDER BY id LIMIT 1`;
			const before = await factsWritten(tx);
			await tx`UPDATE atlas.items SET visibility = 'draft', category = 'related' WHERE id = ${item.id}`;
			const after = await factsWritten(tx);
			const [fact] = await tx`SELECT item_visibility, visibility, category FROM atlas.item_facts WHERE item_id = ${item.id}`;
			return { fact, inserted: after.inserted - before.inserted, deleted: after.deleted - before.deleted };
		});
		expect(written).toEqual({ fact: { item_visibility: 'draft', visibility: 'draft', category: 'related' }, inserted: 1, deleted: 1 });
	});

	it('follows an administrator changing 1,000 items in one statement, one fact written per item', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const before = await factsWritten(tx);
			const changed = await tx`UPDATE atlas.items SET marking_state = 'obliterated'
				WHERE id IN (SELECT id FROM atlas.items WHERE marking_state <> 'obliterated' ORDER BY id LIMIT 1000) RETURNING id`;
			const after = await factsWritten(tx);
			const [stale] = await tx`SELECT count(*)::int AS n FROM atlas.item_facts
				WHERE item_id = ANY(${changed.map((r) => r.id)}::int[]) AND marking_state <> 'obliterated'`;
			return { changed: changed.length, stale: stale.n, inserted: after.inserted - before.inserted, deleted: after.deleted - before.deleted };
		});
		expect(seen).toEqual({ changed: 1000, stale: 0, inserted: 1000, deleted: 1000 });
	});

	it('adds the facts of an inserted item and drops those of a deleted one', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const [event] = await tx`SELECT e.id, e.site_id FROM atlas.documentation_events e WHERE e.chain_visibility = 'public' ORDER BY e.id LIMIT 1`;
			const [added] = await tx`INSERT INTO atlas.items (event_id, category, item_type, visibility, synthetic, quantity)
				VALUES (${event.id}, 'weapon', 'rifle', 'public', true, 3) RETURNING id`;
			const [fact] = await tx`SELECT site_id, quantity, visibility FROM atlas.item_facts WHERE item_id = ${added.id}`;
			// An item nothing links to yet can be deleted outright.
			await tx`DELETE FROM atlas.items WHERE id = ${added.id}`;
			const [gone] = await tx`SELECT count(*)::int AS n FROM atlas.item_facts WHERE item_id = ${added.id}`;
			return { fact, site: event.site_id, gone: gone.n };
		});
		expect(seen.fact).toEqual({ site_id: seen.site, quantity: 3, visibility: 'public' });
		expect(seen.gone).toBe(0);
	});

	it("moves the facts with a site's country and position, and hides them with the site", async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const [site] = await tx`SELECT s.id, s.country_iso3 FROM atlas.sites s
				WHERE s.visibility = 'public' AND EXISTS (SELECT 1 FROM atlas.item_facts f WHERE f.site_id = s.id AND f.visibility = 'public')
				ORDER BY s.id LIMIT 1`;
			const to = site.country_iso3 === 'FRA' ? 'DEU' : 'FRA';
			await tx`UPDATE atlas.sites SET country_iso3 = ${to}, geom = ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326) WHERE id = ${site.id}`;
			const [moved] = await tx`SELECT count(*)::int AS n, bool_and(country_iso3 = ${to}) AS country,
				bool_and(ST_Equals(geom_3857, ST_Transform(ST_SetSRID(ST_MakePoint(2.35, 48.85), 4326), 3857))) AS position
				FROM atlas.item_facts WHERE site_id = ${site.id}`;
			await tx`UPDATE atlas.sites SET visibility = 'draft' WHERE id = ${site.id}`;
			const [hidden] = await tx`SELECT count(*) FILTER (WHERE place_visibility <> 'draft' OR visibility <> 'draft')::int AS shown
				FROM atlas.item_facts WHERE site_id = ${site.id}`;
			return { moved, hidden: hidden.shown };
		});
		expect(seen.moved.n).toBeGreaterThan(0);
		expect(seen.moved).toMatchObject({ country: true, position: true });
		expect(seen.hidden).toBe(0);
	});

	it('follows trace responses, request links and case links of an item', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const [request] = await tx`SELECT r.id, ri.item_id FROM atlas.trace_requests r JOIN atlas.trace_request_items ri ON ri.request_id = r.id
				WHERE r.visibility = 'public' AND NOT EXISTS (SELECT 1 FROM atlas.trace_responses p WHERE p.request_id = r.id)
				ORDER BY r.id LIMIT 1`;
			const classes = async () => (await tx`SELECT response_classes FROM atlas.item_facts WHERE item_id = ${request.item_id}`)[0].response_classes;
			const unanswered = await classes();
			await tx`INSERT INTO atlas.trace_responses (request_id, received_on, class, visibility) VALUES (${request.id}, '2019-05-01', 'expansive', 'public')`;
			const answered = await classes();
			await tx`DELETE FROM atlas.trace_request_items WHERE request_id = ${request.id} AND item_id = ${request.item_id}`;
			const unlinked = await classes();
			const [kase] = await tx`SELECT id FROM atlas.diversion_cases WHERE visibility = 'draft' ORDER BY id LIMIT 1`;
			await tx`INSERT INTO atlas.case_items (case_id, item_id) VALUES (${kase.id}, ${request.item_id}) ON CONFLICT DO NOTHING`;
			const [cased] = await tx`SELECT ${kase.id}::int = ANY(case_ids) AS listed FROM atlas.item_facts WHERE item_id = ${request.item_id}`;
			return { unanswered, answered, unlinked, cased: cased.listed };
		});
		expect(seen.unanswered).toContain('none');
		expect(seen.answered).toContain('expansive');
		expect(seen.answered.length).toBe(seen.unanswered.length);
		expect(seen.unlinked.length).toBe(seen.unanswered.length - 1);
		// Every case is listed, hidden ones too: the viewer's row security picks at query time.
		expect(seen.cased).toBe(true);
	});

	it('ends with exactly the facts a full rebuild makes, after changes of every kind', async () => {
		const compared = await rolledBack(db(), async (tx) => {
			await tx`UPDATE atlas.items SET visibility = 'restricted', made_in_iso3 = 'BEL' WHERE id IN (SELECT id FROM atlas.items ORDER BY id DESC LIMIT 300)`;
			await tx`UPDATE atlas.documentation_events SET visibility = 'draft', documented_on = '2016-02-03'
				WHERE id IN (SELECT id FROM atlas.documentation_events ORDER BY id LIMIT 20)`;
			await tx`UPDATE atlas.documentation_events SET site_id = (SELECT min(id) FROM atlas.sites)
				WHERE id IN (SELECT id FROM atlas.documentation_events ORDER BY id DESC LIMIT 5)`;
			await tx`UPDATE atlas.sites SET visibility = 'restricted' WHERE id IN (SELECT id FROM atlas.sites ORDER BY id DESC LIMIT 5)`;
			await tx`UPDATE atlas.sites SET geom = ST_SetSRID(ST_MakePoint(44.4, 33.3), 4326), country_iso3 = 'IRQ'
				WHERE id IN (SELECT id FROM atlas.sites ORDER BY id LIMIT 3)`;
			await tx`UPDATE atlas.trace_requests SET visibility = 'draft' WHERE id IN (SELECT id FROM atlas.trace_requests ORDER BY id LIMIT 50)`;
			await tx`UPDATE atlas.trace_responses SET class = 'dissuasive' WHERE id IN (SELECT id FROM atlas.trace_responses ORDER BY id DESC LIMIT 50)`;
			await tx`DELETE FROM atlas.case_items WHERE (case_id, item_id) IN (SELECT case_id, item_id FROM atlas.case_items ORDER BY item_id LIMIT 40)`;
			await tx`UPDATE atlas.items SET chain_visibility = chain_visibility WHERE id IN (SELECT id FROM atlas.items ORDER BY id LIMIT 10)`;
			const incremental = await factsDigest(tx);
			// The chain columns the set-based cascade keeps (015) agree with their definition.
			const [chain] = await tx`SELECT
				(SELECT count(*) FROM atlas.documentation_events e JOIN atlas.sites s ON s.id = e.site_id
				 WHERE e.chain_visibility IS DISTINCT FROM least(e.visibility, s.visibility))::int AS events,
				(SELECT count(*) FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
				 WHERE i.chain_visibility IS DISTINCT FROM least(i.visibility, e.chain_visibility))::int AS items`;
			await tx`SELECT atlas.refresh_item_facts()`;
			return { incremental, chain, full: await factsDigest(tx) };
		});
		expect(compared.incremental.rows).toBeGreaterThan(1000);
		expect(compared.incremental).toEqual(compared.full);
		expect(compared.chain).toEqual({ events: 0, items: 0 });
	}, 180_000); // a full rebuild of the facts and every rollup: 10-30 s on the embedded database, longer while other test files run beside it

	it('moves the data version once per changing transaction, and not for a statement that changed nothing', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const start = await version(tx);
			await tx`UPDATE atlas.items SET quantity = quantity WHERE false`;
			const unchanged = await version(tx);
			await tx`UPDATE atlas.parties SET name = name || '' WHERE id = (SELECT min(id) FROM atlas.parties)`;
			const first = await version(tx);
			await tx`UPDATE atlas.sites SET name = name || '' WHERE id = (SELECT min(id) FROM atlas.sites)`;
			await tx`UPDATE atlas.items SET quantity = quantity WHERE id = (SELECT min(id) FROM atlas.items)`;
			const later = await version(tx);
			return { unchanged: unchanged - start, first: first - start, later: later - start };
		});
		expect(seen).toEqual({ unchanged: 0, first: 1, later: 1 });
	});

	it('leaves the facts to the loader while maintenance is deferred in its transaction', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const [item] = await tx`SELECT id FROM atlas.items WHERE quantity < 1000 ORDER BY id LIMIT 1`;
			await tx`SELECT set_config('atlas.facts_maintenance', 'deferred', true)`;
			await tx`UPDATE atlas.items SET quantity = quantity + 1000 WHERE id = ${item.id}`;
			const [deferred] = await tx`SELECT quantity FROM atlas.item_facts WHERE item_id = ${item.id}`;
			await tx`SELECT atlas.refresh_item_facts()`;
			const [rebuilt] = await tx`SELECT quantity FROM atlas.item_facts WHERE item_id = ${item.id}`;
			return { deferred: deferred.quantity, rebuilt: rebuilt.quantity };
		});
		expect(seen.rebuilt).toBe(seen.deferred + 1000);
	}, 180_000); // the loader's full rebuild of the facts and every rollup, as above
});
