// The country profile sums the rollups instead of reading every item of the country: each of
// its figures must still be what the item rows give, for every viewer, restricted rows and all.
import { expect, it } from 'vitest';
import type { TransactionSql } from 'postgres';
import { readCountryProfile } from '../../../src/lib/server/records/country-profile.ts';
import { asPublic, asViewer } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';

type Viewer = { role: 'public' } | { role: 'partner'; country: string };

/** The recovery figures of `iso3`, counted item by item as the viewer's row security allows. */
async function fromItemRows(tx: TransactionSql, iso3: string) {
	const [totals] = await tx`SELECT count(*)::int AS items, coalesce(sum(quantity), 0)::int AS units,
			count(DISTINCT site_id)::int AS sites, bool_or(synthetic) AS synthetic,
			count(*) FILTER (WHERE category = 'weapon')::int AS weapons,
			count(*) FILTER (WHERE category = 'weapon' AND made_in_iso3 IS NOT NULL)::int AS weapons_known,
			count(made_in_iso3)::int AS made_in_known, count(holding_party_id)::int AS holder_known,
			count(DISTINCT item_type)::int AS type_count
		FROM atlas.item_facts WHERE country_iso3 = ${iso3}`;
	// In the vocabulary's order (the enum's), as the page lists them.
	const byCategory = await tx`SELECT f.category::text AS category, count(*)::int AS items, sum(f.quantity)::int AS units
		FROM atlas.item_facts f WHERE f.country_iso3 = ${iso3} GROUP BY f.category ORDER BY f.category`;
	const byYear = await tx`SELECT extract(year FROM documented_on)::int AS year, count(*)::int AS items, sum(quantity)::int AS units
		FROM atlas.item_facts WHERE country_iso3 = ${iso3} GROUP BY 1 ORDER BY 1`;
	const byType = await tx`SELECT item_type AS type, min(category::text) AS category, count(*)::int AS items, sum(quantity)::int AS units
		FROM atlas.item_facts WHERE country_iso3 = ${iso3} GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`;
	const topMadeIn = await tx`SELECT made_in_iso3::text AS iso3, count(*)::int AS items, sum(quantity)::int AS units
		FROM atlas.item_facts WHERE country_iso3 = ${iso3} AND made_in_iso3 IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`;
	const topHolders = await tx`SELECT holding_party_id AS id, count(*)::int AS items, sum(quantity)::int AS units
		FROM atlas.item_facts WHERE country_iso3 = ${iso3} AND holding_party_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 10`;
	const [made] = await tx`SELECT count(*)::int AS items FROM atlas.item_facts WHERE made_in_iso3 = ${iso3}`;
	const [cases] = await tx`SELECT coalesce(bool_or(synthetic), false) AS synthetic FROM atlas.diversion_cases WHERE country_iso3 = ${iso3}`;
	return { totals, byCategory, byYear, byType, topMadeIn, topHolders, itemsMadeHere: made.items as number, casesSynthetic: cases.synthetic as boolean };
}

/** The visible items of each case, counted from its links. */
async function caseSizes(tx: TransactionSql, ids: number[]): Promise<Record<number, number>> {
	const rows = await tx`SELECT case_id, count(*)::int AS items FROM atlas.case_items WHERE case_id = ANY(${ids}::int[]) GROUP BY 1`;
	return Object.fromEntries(ids.map((id) => [id, (rows.find((r) => r.case_id === id)?.items as number | undefined) ?? 0]));
}

// Tied counts are listed by name on the page and by key here: compare in one order.
const byCount = <T extends { items: unknown }>(rows: T[], key: (row: T) => string) =>
	[...rows].sort((a, b) => Number(b.items) - Number(a.items) || key(a).localeCompare(key(b)));
const plain = (rows: object[]) => rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])));

describeEachBackend('country profile from the rollups', (db) => {
	async function check(viewer: Viewer, iso3: string) {
		return asViewer(db(), viewer, async (tx) => {
			const profile = (await readCountryProfile(tx, iso3))!;
			const expected = await fromItemRows(tx, iso3);
			const { recovery, producer } = profile;
			expect(Number(recovery.items)).toBe(expected.totals.items);
			expect(Number(recovery.units)).toBe(expected.totals.units);
			expect(Number(recovery.sites)).toBe(expected.totals.sites);
			expect(recovery.synthetic).toBe(Boolean(expected.totals.synthetic) || expected.casesSynthetic);
			expect(recovery.originKnown).toMatchObject({ weapons: expected.totals.weapons, known: expected.totals.weapons_known });
			expect(Number(recovery.madeInKnown)).toBe(expected.totals.made_in_known);
			expect(Number(recovery.holderKnown)).toBe(expected.totals.holder_known);
			expect(Number(recovery.typeCount)).toBe(expected.totals.type_count);
			expect(plain(recovery.byCategory)).toEqual(plain(expected.byCategory));
			expect(plain(recovery.byYear)).toEqual(plain(expected.byYear));
			expect(plain(recovery.byType)).toEqual(plain(expected.byType));
			const madeIn = recovery.topMadeIn.map(({ iso3: code, items, units }) => ({ iso3: code, items, units }));
			expect(plain(byCount(madeIn, (r) => String(r.iso3)))).toEqual(plain(byCount([...expected.topMadeIn] as typeof madeIn, (r) => String(r.iso3))));
			const holders = recovery.topHolders.map(({ id, items, units }) => ({ id, items, units }));
			expect(plain(byCount(holders, (r) => String(r.id).padStart(12, '0')))).toEqual(plain(byCount([...expected.topHolders] as typeof holders, (r) => String(r.id).padStart(12, '0'))));
			expect(Number(producer.itemsMadeHere)).toBe(expected.itemsMadeHere);
			const sizes = await caseSizes(tx, recovery.cases.map((c) => c.id));
			expect(Object.fromEntries(recovery.cases.map((c) => [c.id, Number(c.items)]))).toEqual(sizes);
			return profile;
		});
	}

	it('gives Iraq the figures its item rows give, for the public', async () => {
		const iraq = await check({ role: 'public' }, 'IRQ');
		expect(Number(iraq.recovery.items)).toBeGreaterThan(0);
		expect(iraq.recovery.cases.length).toBeGreaterThan(0);
	});

	it("gives a partner its own restricted items in another country's profile, as their rows count them", async () => {
		// The country where most restricted items of one maker country are documented; the
		// maker is the partner who may see them (row security, 008/014).
		const [pair] = await db()`SELECT made_in_iso3::text AS partner, country_iso3::text AS place FROM atlas.item_facts
			WHERE item_visibility = 'restricted' AND place_visibility = 'public' AND made_in_iso3 IS NOT NULL AND made_in_iso3 <> country_iso3
			GROUP BY 1, 2 ORDER BY count(*) DESC, 1, 2 LIMIT 1`;
		expect(pair, 'a restricted item documented abroad in the demo data').toBeDefined();
		const asPartner = await check({ role: 'partner', country: pair.partner }, pair.place);
		const asPublicReader = await check({ role: 'public' }, pair.place);
		expect(Number(asPartner.recovery.items)).toBeGreaterThan(Number(asPublicReader.recovery.items));
		// And the partner's own country as a producer counts its restricted items too.
		const own = await check({ role: 'partner', country: pair.partner }, pair.partner);
		const ownPublic = await asPublic(db(), (tx) => readCountryProfile(tx, pair.partner));
		expect(Number(own.producer.itemsMadeHere)).toBeGreaterThan(Number(ownPublic!.producer.itemsMadeHere));
	});
});
