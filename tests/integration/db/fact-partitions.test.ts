// What the facts let each viewer see and select: exactly the items visible through items ⋈
// events ⋈ sites under row security, each under its own partition rule (014), and no filter
// by a hidden party, case or consignment selects anything (src/lib/server/filter-sql.ts).
// Changes are made as the owner inside a transaction that is rolled back; the reads switch
// to atlas_reader with the viewer set, as the web server does.
import { expect, it } from 'vitest';
import type { TransactionSql } from 'postgres';
import type { Filter } from '../../../src/lib/filter/filter-schema.ts';
import { filterCondition } from '../../../src/lib/server/filter-sql.ts';
import { describeEachBackend } from '../backends.ts';
import { rolledBack } from '../rolled-back.ts';

type Viewer = { role: 'public' } | { role: 'partner'; country: string } | { role: 'staff' };

/** Reads as `viewer`, then becomes the owner again (the session user may always return). */
async function as<T>(tx: TransactionSql, viewer: Viewer, read: () => Promise<T>): Promise<T> {
	await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', ${viewer.role}, true),
		set_config('atlas.viewer_country', ${viewer.role === 'partner' ? viewer.country : ''}, true)`;
	try {
		return await read();
	} finally {
		await tx`SELECT set_config('role', 'none', true)`;
	}
}

const NO_SUCH_ID = 2_000_000_000;

async function matching(tx: TransactionSql, filter: Filter): Promise<number> {
	const [row] = await tx`SELECT count(*)::int AS n FROM atlas.item_facts f WHERE ${filterCondition(tx, filter)}`;
	return row.n;
}

describeEachBackend('fact partitions', (db) => {
	it('shows each viewer exactly the items visible through items, events and sites', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			// Partners of the two countries with the most public facts at their sites.
			const partners = await tx`SELECT country_iso3 AS iso3 FROM atlas.item_facts WHERE visibility = 'public'
				GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 2`;
			const [x, y] = partners.map((p) => p.iso3 as string);
			// X's restricted rows of both kinds, as the seed makes them (a restricted item at a
			// restricted site): a site of X made restricted with its items, made in X; and
			// restricted items documented at public sites elsewhere, said to be made in X.
			const [site] = await tx`SELECT site_id FROM atlas.item_facts WHERE country_iso3 = ${x} AND visibility = 'public'
				GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
			await tx`UPDATE atlas.sites SET visibility = 'restricted' WHERE id = ${site.site_id}`;
			await tx`UPDATE atlas.items SET visibility = 'restricted', made_in_iso3 = ${x}
				WHERE id IN (SELECT item_id FROM atlas.item_facts WHERE site_id = ${site.site_id})`;
			await tx`UPDATE atlas.items SET made_in_iso3 = ${x} WHERE id IN (SELECT item_id FROM atlas.item_facts
				WHERE item_visibility = 'restricted' AND place_visibility = 'public' AND country_iso3 NOT IN (${x}, ${y}) ORDER BY item_id LIMIT 50)`;
			const out: Record<string, unknown> = { x, y };
			for (const viewer of [{ role: 'public' }, { role: 'partner', country: x }, { role: 'partner', country: y }, { role: 'staff' }] as Viewer[]) {
				out[viewer.role === 'partner' ? viewer.country : viewer.role] = await as(tx, viewer, async () => {
					const [row] = await tx`
						WITH joined AS (SELECT i.id FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
						                JOIN atlas.sites s ON s.id = e.site_id),
						     facts AS (SELECT item_id AS id FROM atlas.item_facts)
						SELECT (SELECT count(*) FROM facts)::int AS facts,
						  (SELECT count(*) FROM (SELECT id FROM facts EXCEPT SELECT id FROM joined) AS d)::int AS only_facts,
						  (SELECT count(*) FROM (SELECT id FROM joined EXCEPT SELECT id FROM facts) AS d)::int AS only_joined,
						  (SELECT count(*) FROM atlas.item_facts WHERE site_id = ${site.site_id})::int AS at_site,
						  (SELECT count(*) FROM atlas.item_facts WHERE visibility <> 'public')::int AS restricted,
						  (SELECT count(*) FROM atlas.item_facts WHERE
						     (item_visibility <> 'public' AND made_in_iso3 IS DISTINCT FROM ${x}) OR
						     (place_visibility <> 'public' AND country_iso3 IS DISTINCT FROM ${x}))::int AS not_of_x,
						  (SELECT count(*) FROM atlas.item_facts WHERE
						     (item_visibility = 'restricted' AND made_in_iso3 = ${x}) OR
						     (place_visibility = 'restricted' AND country_iso3 = ${x}))::int AS of_x`;
					return row;
				});
			}
			return out as Record<string, Record<string, number>> & { x: string; y: string };
		});
		const { x, y } = seen;
		expect(x).not.toBe(y);
		for (const viewer of ['public', x, y, 'staff']) {
			expect(seen[viewer].facts, viewer).toBeGreaterThan(0);
			expect({ onlyFacts: seen[viewer].only_facts, onlyJoined: seen[viewer].only_joined }, viewer).toEqual({ onlyFacts: 0, onlyJoined: 0 });
		}
		// The public sees no restricted fact; partner X sees its own, and only its own.
		expect(seen.public.restricted).toBe(0);
		expect(seen.public.at_site).toBe(0);
		expect(seen[x].restricted).toBeGreaterThan(0);
		expect(seen[x].at_site).toBeGreaterThan(0);
		expect(seen[x].not_of_x).toBe(0);
		expect(seen[x].of_x).toBeGreaterThan(0);
		// Partner Y sees none of X's restricted rows, which staff see.
		expect(seen[y].of_x).toBe(0);
		expect(seen[y].at_site).toBe(0);
		expect(seen.staff.of_x).toBeGreaterThan(0);
	});

	it('answers a filter by a hidden party, case or consignment as it answers an unknown id', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const [maker] = await tx`SELECT manufacturer_id AS id FROM atlas.item_facts WHERE visibility = 'public' AND manufacturer_id IS NOT NULL
				GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
			const [holder] = await tx`SELECT holding_party_id AS id FROM atlas.item_facts WHERE visibility = 'public' AND holding_party_id IS NOT NULL
				GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
			const [consignment] = await tx`SELECT consignment_id AS id FROM atlas.item_facts WHERE visibility = 'public' AND consignment_id IS NOT NULL
				GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
			// A case with public items, made a draft below: its id stays in their facts.
			const [draftCase] = await tx`SELECT c.id FROM atlas.diversion_cases c JOIN atlas.item_facts f ON c.id = ANY(f.case_ids)
				WHERE c.visibility = 'public' AND f.visibility = 'public' GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`;
			const filters: Record<string, [Filter, Filter]> = {
				manufacturer: [{ manufacturer: [maker.id] }, { manufacturer: [NO_SUCH_ID] }],
				group: [{ group: [holder.id] }, { group: [NO_SUCH_ID] }],
				consignment: [{ consignment: consignment.id }, { consignment: NO_SUCH_ID }],
				case: [{ case: draftCase.id }, { case: NO_SUCH_ID }]
			};
			const count = async (viewer: Viewer) => {
				const out: Record<string, [number, number]> = {};
				for (const [key, [hidden, unknown]] of Object.entries(filters)) {
					out[key] = await as(tx, viewer, async () => [await matching(tx, hidden), await matching(tx, unknown)]);
				}
				return out;
			};
			const visible = await count({ role: 'public' });
			await tx`UPDATE atlas.parties SET visibility = 'draft' WHERE id IN (${maker.id}, ${holder.id})`;
			await tx`UPDATE atlas.consignments SET visibility = 'draft' WHERE id = ${consignment.id}`;
			await tx`UPDATE atlas.diversion_cases SET visibility = 'draft' WHERE id = ${draftCase.id}`;
			return { visible, hidden: await count({ role: 'public' }), staff: await count({ role: 'staff' }) };
		});
		for (const key of ['manufacturer', 'group', 'consignment', 'case']) {
			expect(seen.visible[key][0], key).toBeGreaterThan(0);
			expect(seen.visible[key][1], key).toBe(0);
			expect(seen.hidden[key], key).toEqual([0, 0]);
			// Staff still select the hidden rows' items (and any restricted or draft ones).
			expect(seen.staff[key][0], key).toBeGreaterThanOrEqual(seen.visible[key][0]);
		}
	});

	it('lets a partner filter by a restricted case of its own country, and nobody else', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const [kase] = await tx`SELECT c.id, c.country_iso3 AS iso3 FROM atlas.diversion_cases c
				JOIN atlas.item_facts f ON c.id = ANY(f.case_ids) AND f.visibility = 'public'
				WHERE c.visibility = 'public' GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`;
			await tx`UPDATE atlas.diversion_cases SET visibility = 'restricted' WHERE id = ${kase.id}`;
			const other = kase.iso3 === 'FRA' ? 'DEU' : 'FRA';
			return {
				partner: await as(tx, { role: 'partner', country: kase.iso3 }, () => matching(tx, { case: kase.id })),
				otherPartner: await as(tx, { role: 'partner', country: other }, () => matching(tx, { case: kase.id })),
				public: await as(tx, { role: 'public' }, () => matching(tx, { case: kase.id }))
			};
		});
		expect(seen.partner).toBeGreaterThan(0);
		expect({ otherPartner: seen.otherPartner, public: seen.public }).toEqual({ otherPartner: 0, public: 0 });
	});

	it('hides a route whose consignment, case or site is hidden', async () => {
		const seen = await rolledBack(db(), async (tx) => {
			const [route] = await tx`SELECT id, consignment_id, case_id, site_id FROM atlas.routes
				WHERE visibility = 'public' AND EXISTS (SELECT 1 FROM atlas.consignments c WHERE c.id = consignment_id AND c.visibility = 'public')
				  AND EXISTS (SELECT 1 FROM atlas.diversion_cases d WHERE d.id = case_id AND d.visibility = 'public')
				  AND EXISTS (SELECT 1 FROM atlas.sites s WHERE s.id = site_id AND s.visibility = 'public')
				ORDER BY id LIMIT 1`;
			const shown = async () => as(tx, { role: 'public' }, async () =>
				(await tx`SELECT count(*)::int AS n FROM atlas.routes WHERE id = ${route.id}`)[0].n);
			const out: Record<string, number> = { before: await shown() };
			for (const [table, id] of [['consignments', route.consignment_id], ['diversion_cases', route.case_id], ['sites', route.site_id]] as const) {
				const [{ visibility }] = await tx`SELECT visibility FROM ${tx('atlas.' + table)} WHERE id = ${id}`;
				await tx`UPDATE ${tx('atlas.' + table)} SET visibility = 'draft' WHERE id = ${id}`;
				out[table] = await shown();
				await tx`UPDATE ${tx('atlas.' + table)} SET visibility = ${visibility} WHERE id = ${id}`;
			}
			return out;
		});
		expect(seen).toEqual({ before: 1, consignments: 0, diversion_cases: 0, sites: 0 });
	});
});
