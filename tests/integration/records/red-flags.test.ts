// Red flags shown wherever the party appears, and one list of every flagged party.
import { expect, it } from 'vitest';
import type { TransactionSql } from 'postgres';
import { load as flaggedLoad } from '../../../src/routes/parties/+page.server.ts';
import { readCaseRecord } from '../../../src/lib/server/records/case-record.ts';
import { readConsignmentDetail } from '../../../src/lib/server/records/consignment-detail.ts';
import { readFlaggedParties } from '../../../src/lib/server/records/flagged-parties.ts';
import { readItemChain } from '../../../src/lib/server/records/item-chain.ts';
import { readPartyRecord } from '../../../src/lib/server/records/party-record.ts';
import { readCountryProfile } from '../../../src/lib/server/records/country-profile.ts';
import { readProducerProfile } from '../../../src/lib/server/records/producer-profile.ts';
import { readSiteDetail } from '../../../src/lib/server/records/site-detail.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { rolledBack } from '../rolled-back.ts';

const pageLoad = (search: string) =>
	flaggedLoad({ url: new URL(`http://atlas.test/parties${search}`), locals: { viewer: anonymousViewer, locale: 'en' } } as never);

/** The status of what a load throws (SvelteKit's redirect and error objects carry one). */
async function thrownStatus(work: unknown): Promise<number | undefined> {
	try {
		await work;
	} catch (thrown) {
		return (thrown as { status?: number }).status;
	}
	return undefined;
}

/** Reads as the public inside a transaction that changed rows (row security on, then off again). */
async function asPublicIn<T>(tx: TransactionSql, read: (tx: TransactionSql) => Promise<T>): Promise<T> {
	await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true)`;
	const result = await read(tx);
	await tx`RESET ROLE`;
	return result;
}

describeEachBackend('red flags', (db, backend) => {
	useAppDatabase(backend.url);

	it('lists on /parties?flagged=1 exactly the red-flagged parties the public can see, each with its reason', async () => {
		const expected = await asPublic(db(), (tx) => tx`SELECT id, red_flag_reason FROM atlas.parties WHERE red_flag ORDER BY id`);
		expect(expected.length).toBeGreaterThan(1);
		const { parties } = (await pageLoad('?flagged=1')) as { parties: { id: number; redFlag: boolean; redFlagReason: string | null }[] };
		expect(parties.map((p) => ({ id: p.id, red_flag_reason: p.redFlagReason })).sort((a, b) => a.id - b.id))
			.toEqual(expected.map((r) => ({ ...r })));
		expect(parties.every((p) => p.redFlag && /\S/.test(p.redFlagReason ?? ''))).toBe(true);
	});

	it('counts on the flagged list the transfers each party sent and received, as the public sees them', async () => {
		const expected = await asPublic(
			db(),
			(tx) => tx`SELECT p.id,
				(SELECT count(*)::int FROM atlas.transfers t WHERE t.from_party_id = p.id) AS sent,
				(SELECT count(*)::int FROM atlas.transfers t WHERE t.to_party_id = p.id) AS received
				FROM atlas.parties p WHERE p.red_flag ORDER BY p.id`
		);
		expect(expected.some((row) => row.sent + row.received > 0)).toBe(true);
		const { parties } = (await pageLoad('?flagged=1')) as { parties: { id: number; transfersSent: number; transfersReceived: number }[] };
		expect(parties.map((p) => ({ id: p.id, sent: p.transfersSent, received: p.transfersReceived })).sort((a, b) => a.id - b.id)).toEqual([...expected]);
	});

	it('leaves a hidden flagged party off the public list, while staff see it', async () => {
		const lists = await rolledBack(db(), async (tx) => {
			const [hidden] = await tx`INSERT INTO atlas.parties (kind, name, country_iso3, red_flag, red_flag_reason, visibility, synthetic)
				VALUES ('broker', 'Hidden test broker', 'ARE', true, 'Test reason', 'draft', true) RETURNING id`;
			const read = async (role: 'public' | 'staff') => {
				await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', ${role}, true)`;
				const ids = (await readFlaggedParties(tx)).map((p) => p.id);
				await tx`RESET ROLE`;
				return ids;
			};
			return { id: hidden.id as number, public: await read('public'), staff: await read('staff') };
		});
		expect(lists.public).not.toContain(lists.id);
		expect(lists.staff).toContain(lists.id);
	});

	it('redirects /parties without the flag to the flagged list, and answers 400 for another flagged value', async () => {
		expect(await thrownStatus(pageLoad(''))).toBe(307);
		expect(await thrownStatus(pageLoad('?flagged=0'))).toBe(400);
		expect(await thrownStatus(pageLoad('?flagged=1&flagged=1'))).toBe(400);
	});

	it('flags the Turkish distributor, with its reason, on the sorbitol case page, its consignment and the item chain', async () => {
		const [party] = await db()`SELECT id, red_flag_reason FROM atlas.parties WHERE name LIKE 'Turkish distributor%'`;
		const [found] = await db()`SELECT i.id AS item, i.consignment_id, ci.case_id FROM atlas.items i
			JOIN atlas.case_items ci ON ci.item_id = i.id WHERE i.item_type = 'sorbitol' AND NOT i.synthetic`;
		const flagged = { id: party!.id, redFlag: true, redFlagReason: party!.red_flag_reason };
		const record = await asPublic(db(), (tx) => readCaseRecord(tx, found!.case_id));
		expect(record!.parties.find((p) => p.id === party!.id)).toMatchObject(flagged);
		const detail = await asPublic(db(), (tx) => readConsignmentDetail(tx, found!.consignment_id));
		expect(detail!.transfers.map((t) => t.to)).toContainEqual(expect.objectContaining(flagged));
		const chain = await asPublic(db(), (tx) => readItemChain(tx, found!.item));
		expect(chain!.consignment!.transfers.map((t) => t.to)).toContainEqual(expect.objectContaining(flagged));
	});

	it('flags every flagged party on the case pages that name it, and the distributor on its supplier\'s transfers', async () => {
		const named = await db()`SELECT p.id, p.red_flag_reason, cp.case_id FROM atlas.parties p
			JOIN atlas.case_parties cp ON cp.party_id = p.id JOIN atlas.diversion_cases d ON d.id = cp.case_id AND d.visibility = 'public'
			WHERE p.red_flag AND p.visibility = 'public' ORDER BY p.synthetic, p.id, cp.case_id LIMIT 20`;
		expect(named.length).toBeGreaterThan(0);
		for (const row of named) {
			const record = await asPublic(db(), (tx) => readCaseRecord(tx, row.case_id));
			expect(record!.parties.find((p) => p.id === row.id)).toMatchObject({ redFlag: true, redFlagReason: row.red_flag_reason });
		}
		const [maker] = await db()`SELECT id FROM atlas.parties WHERE name LIKE 'Sorbitol manufacturer%'`;
		const supplier = await asPublic(db(), (tx) => readPartyRecord(tx, maker!.id));
		expect(supplier!.transfers.map((t) => t.counterpart)).toContainEqual(expect.objectContaining({ redFlag: true, redFlagReason: expect.stringMatching(/Syria/) }));
	});

	it('flags a party where the explorer and the country page name it: site events, item makers, a consignment recipient, holders, case parties', async () => {
		// The holder with most items in Iraq (so it is on the country page), at one of its sites.
		const [event] = await db()`WITH top AS (SELECT holding_party_id FROM atlas.item_facts WHERE country_iso3 = 'IRQ' AND visibility = 'public'
				AND holding_party_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1)
			SELECT f.holding_party_id AS holder, f.site_id, f.manufacturer_id AS maker, f.documented_on::text AS day FROM atlas.item_facts f JOIN top USING (holding_party_id)
			WHERE f.country_iso3 = 'IRQ' AND f.visibility = 'public' AND f.manufacturer_id IS NOT NULL ORDER BY f.documented_on DESC, f.item_id LIMIT 1`;
		const [recipient] = await db()`SELECT t.consignment_id, t.to_party_id FROM atlas.transfers t JOIN atlas.parties p ON p.id = t.to_party_id
			WHERE t.visibility = 'public' AND p.visibility = 'public' AND NOT p.red_flag ORDER BY t.consignment_id, coalesce(t.shipped_from, '0001-01-01'::date), t.id LIMIT 1`;
		const reason = 'Test reason: a documented history of diversion';
		const seen = await rolledBack(db(), async (tx) => {
			await tx`UPDATE atlas.parties SET red_flag = true, red_flag_reason = ${reason} WHERE id IN ${tx([event!.holder, event!.maker, recipient!.to_party_id])}`;
			await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true)`;
			// The site's events of that day (a busy site has more than a page of newer ones).
			const site = await readSiteDetail(tx, event!.site_id, { from: event!.day, to: event!.day }, { limit: 50, offset: 0 });
			const consignment = await readConsignmentDetail(tx, recipient!.consignment_id);
			const country = await readCountryProfile(tx, 'IRQ');
			await tx`RESET ROLE`;
			return { site, consignment, country };
		});
		const flagged = { redFlag: true, redFlagReason: reason };
		const held = seen.site!.events.find((e) => e.holdingParty?.id === event!.holder && e.items.some((item) => item.manufacturer?.id === event!.maker));
		expect(held!.holdingParty).toMatchObject(flagged);
		expect(held!.items.find((item) => item.manufacturer?.id === event!.maker)!.manufacturer).toMatchObject(flagged);
		expect(seen.consignment!.recipient).toMatchObject({ id: recipient!.to_party_id, ...flagged });
		expect(seen.country!.recovery.topHolders[0]).toMatchObject({ id: event!.holder, ...flagged });
		expect(seen.country!.recovery.topHolders.slice(1).some((row) => row.redFlag)).toBe(false);
		// A producer's case parties carry the reason with the flag, as case pages do.
		const before = await asPublic(db(), (tx) => readProducerProfile(tx, 'BGR', {}));
		const named = before.cases.flatMap((c) => c.parties).find((p) => !p.redFlag)!;
		const after = await rolledBack(db(), async (tx) => {
			await tx`UPDATE atlas.parties SET red_flag = true, red_flag_reason = ${reason} WHERE id = ${named.id}`;
			return asPublicIn(tx, (t) => readProducerProfile(t, 'BGR', {}));
		});
		expect(after.cases.flatMap((c) => c.parties).find((p) => p.id === named.id)).toMatchObject(flagged);
	});
});
