// GET /api/parties: the filter panel's search-as-you-type suggestions.
import { expect, it } from 'vitest';
import { parseSuggestionQuery, suggestParties } from '../../../src/lib/server/records/party-suggestions.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';

function suggest(sql: Parameters<typeof asPublic>[0], query: string) {
	const check = parseSuggestionQuery(new URLSearchParams(query));
	if (!check.ok) throw new Error(check.error);
	return asPublic(sql, (tx) => suggestParties(tx, check.query));
}

describeEachBackend('party suggestions', (db) => {
	it('suggests manufacturers by part of the name, case-insensitive: "herst" finds FN Herstal', async () => {
		const result = await suggest(db(), 'q=HERST&role=manufacturer');
		expect(result.parties[0]).toMatchObject({ name: 'FN Herstal', iso3: 'BEL', kind: 'manufacturer' });
		expect(result.parties[0]!.items).toBeGreaterThanOrEqual(10) // the MAG and nine FALs of Letfallah II;
	});

	it('suggests the forces holding items for role=group: "islamic" finds Islamic State', async () => {
		const result = await suggest(db(), 'q=islamic&role=group');
		expect(result.parties.map((p) => p.name)).toContain('Islamic State');
		expect(result.parties.find((p) => p.name === 'FN Herstal')).toBeUndefined();
	});

	it('returns the top parties by visible items when q is empty, most items first, within the limit', async () => {
		const result = await suggest(db(), 'role=manufacturer&limit=5');
		expect(result.parties).toHaveLength(5);
		const counts = result.parties.map((p) => p.items);
		expect(counts).toEqual([...counts].sort((a, b) => b - a));
		// The count is of items the public may see.
		const [top] = result.parties;
		const [visible] = await db()`SELECT count(*)::int AS n FROM atlas.item_facts WHERE manufacturer_id = ${top!.id} AND visibility = 'public'`;
		expect(top!.items).toBe(visible!.n);
	});

	it('names chosen parties by id, so a filter restored from a link shows names', async () => {
		const top = (await suggest(db(), 'role=manufacturer&limit=3')).parties;
		const ids = top.map((p) => p.id).reverse();
		const named = await suggest(db(), `role=manufacturer&ids=${ids.join(',')}&q=zzz`);
		expect(named.parties.map((p) => p.name).sort()).toEqual(top.map((p) => p.name).sort());
		expect(parseSuggestionQuery(new URLSearchParams('role=group&ids=1,x'))).toMatchObject({ ok: false, field: 'ids' });
	});

	it('treats % and _ as plain characters', async () => {
		expect((await suggest(db(), 'q=%25&role=manufacturer')).parties).toEqual([]);
	});

	it('rejects a missing role or a bad limit, naming the field', () => {
		expect(parseSuggestionQuery(new URLSearchParams('q=fn'))).toMatchObject({ ok: false, field: 'role' });
		expect(parseSuggestionQuery(new URLSearchParams('role=armed'))).toMatchObject({ ok: false, field: 'role' });
		expect(parseSuggestionQuery(new URLSearchParams('role=group&limit=0'))).toMatchObject({ ok: false, field: 'limit' });
		expect(parseSuggestionQuery(new URLSearchParams('role=group&limit=ten'))).toMatchObject({ ok: false, field: 'limit' });
	});
});
