// High-risk destinations (/destinations, and a producing country's page): recipients of
// deliveries later documented in conflict, ranked by items and cases. Each figure is checked
// against a count written here from the base tables (not item_facts), as the public sees them.
import { expect, it } from 'vitest';
import type { Sql, TransactionSql } from 'postgres';
import type { DestinationScope, HighRiskDestinations } from '../../../src/lib/api/records.ts';
import { readHighRiskDestinations } from '../../../src/lib/server/records/high-risk-destinations.ts';
import { load as destinationsLoad } from '../../../src/routes/destinations/+page.server.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { useAppDatabase } from '../endpoint.ts';
import { rolledBack } from '../rolled-back.ts';

const EVERYTHING: DestinationScope = { madeIn: [], from: null, to: null };

interface Expected {
	items: number;
	units: number;
	consignments: number;
	transfers: number;
	cases: number;
}

/**
 * The ranking's figures from the rows: per recipient (state, state force, company, broker) of a
 * visible transfer, the visible items of its consignment documented at a site in a
 * conflict-affected country on or after the shipment (or with no shipment date), and the
 * visible cases those items are in.
 */
async function countFromRows(tx: TransactionSql, scope: DestinationScope): Promise<Map<number, Expected> & { distinctItems: number }> {
	const transfers = await tx`SELECT t.id, t.to_party_id, t.consignment_id, coalesce(t.shipped_from, t.shipped_to)::text AS shipped
		FROM atlas.transfers t JOIN atlas.consignments k ON k.id = t.consignment_id
		JOIN atlas.parties p ON p.id = t.to_party_id WHERE p.kind::text IN ('state', 'state_force', 'company', 'broker')`;
	const items = await tx`SELECT i.id, i.consignment_id, i.quantity, i.made_in_iso3, e.documented_on::text AS documented_on
		FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id JOIN atlas.sites s ON s.id = e.site_id
		JOIN atlas.countries c ON c.iso3 = s.country_iso3 WHERE c.conflict_affected AND i.consignment_id IS NOT NULL`;
	const caseItems = await tx`SELECT ci.item_id, ci.case_id FROM atlas.case_items ci JOIN atlas.diversion_cases d ON d.id = ci.case_id`;
	const casesOf = new Map<number, number[]>();
	for (const row of caseItems) casesOf.set(row.item_id, [...(casesOf.get(row.item_id) ?? []), row.case_id]);
	const inScope = (item: (typeof items)[number]) =>
		(scope.madeIn.length === 0 || scope.madeIn.includes(item.made_in_iso3)) &&
		(scope.from === null || item.documented_on >= scope.from) &&
		(scope.to === null || item.documented_on <= scope.to);
	const byConsignment = new Map<number, (typeof items)[number][]>();
	for (const item of items) if (inScope(item)) byConsignment.set(item.consignment_id, [...(byConsignment.get(item.consignment_id) ?? []), item]);

	const found = new Map<number, { items: Map<number, number>; consignments: Set<number>; transfers: Set<number>; cases: Set<number> }>();
	for (const transfer of transfers) {
		const later = (byConsignment.get(transfer.consignment_id) ?? []).filter((item) => transfer.shipped === null || item.documented_on >= transfer.shipped);
		if (later.length === 0) continue;
		const party = found.get(transfer.to_party_id) ?? { items: new Map(), consignments: new Set(), transfers: new Set(), cases: new Set() };
		found.set(transfer.to_party_id, party);
		party.transfers.add(transfer.id);
		party.consignments.add(transfer.consignment_id);
		for (const item of later) {
			party.items.set(item.id, item.quantity);
			for (const caseId of casesOf.get(item.id) ?? []) party.cases.add(caseId);
		}
	}
	const perParty = new Map(
		[...found].map(([id, party]) => [
			id,
			{ items: party.items.size, units: [...party.items.values()].reduce((a, b) => a + b, 0), consignments: party.consignments.size, transfers: party.transfers.size, cases: party.cases.size }
		])
	);
	const distinctItems = new Set([...found.values()].flatMap((party) => [...party.items.keys()])).size;
	return Object.assign(perParty, { distinctItems });
}

const figures = (answer: HighRiskDestinations) =>
	new Map(answer.destinations.map((row) => [row.id, { items: row.items, units: Number(row.units), consignments: row.consignments, transfers: row.transfers, cases: row.cases }]));

/** Every party id an answer names: the destinations and the senders of their deliveries. */
const partyIds = (answer: HighRiskDestinations) =>
	new Set(answer.destinations.flatMap((row) => [row.id, ...row.transfersReceived.flatMap((transfer) => (transfer.from ? [transfer.from.id] : []))]));

async function asPublicIn<T>(tx: TransactionSql, read: (tx: TransactionSql) => Promise<T>): Promise<T> {
	await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true)`;
	const result = await read(tx);
	await tx`RESET ROLE`;
	return result;
}

describeEachBackend('high-risk destinations', (db: () => Sql, backend) => {
	useAppDatabase(backend.url);

	it('ranks every recipient by the items and cases counted independently from the rows, most items first', async () => {
		const { answer, expected } = await asPublic(db(), async (tx) => ({ answer: await readHighRiskDestinations(tx, EVERYTHING), expected: await countFromRows(tx, EVERYTHING) }));
		expect(expected.size).toBeGreaterThan(5);
		expect(figures(answer)).toEqual(new Map(expected));
		expect(answer.items).toBe(expected.distinctItems);
		const order = answer.destinations.map((row) => [row.items, row.cases]);
		const sorted = [...order].sort((a, b) => b[0] - a[0] || b[1] - a[1]);
		expect(order).toEqual(sorted);
		const kinds = new Set(answer.destinations.map((row) => row.kind));
		expect([...kinds].every((kind) => ['state', 'state_force', 'company', 'broker'].includes(kind))).toBe(true);
	});

	it('counts only items made in the chosen country and documented in the chosen period', async () => {
		const scope: DestinationScope = { madeIn: ['BEL'], from: '2012-01-01', to: '2019-12-31' };
		const { answer, expected, all } = await asPublic(db(), async (tx) => ({
			answer: await readHighRiskDestinations(tx, scope),
			expected: await countFromRows(tx, scope),
			all: await readHighRiskDestinations(tx, EVERYTHING)
		}));
		expect(expected.size).toBeGreaterThan(0);
		expect(figures(answer)).toEqual(new Map(expected));
		expect(answer.destinations.reduce((sum, row) => sum + row.items, 0)).toBeLessThan(all.destinations.reduce((sum, row) => sum + row.items, 0));
		const made = new Set(answer.destinations.flatMap((row) => row.documentedItems.map((item) => item.madeIn)));
		expect([...made]).toEqual(['BEL']);
	});

	it('lists as evidence only deliveries, items and cases of the destination, each within its counts', async () => {
		const answer = await asPublic(db(), (tx) => readHighRiskDestinations(tx, EVERYTHING));
		const top = answer.destinations[0]!;
		const received = await asPublic(db(), (tx) => tx`SELECT id FROM atlas.transfers WHERE to_party_id = ${top.id}`);
		const receivedIds = new Set(received.map((row) => row.id));
		expect(top.transfersReceived.length).toBeGreaterThan(0);
		expect(top.transfersReceived.every((transfer) => receivedIds.has(transfer.id))).toBe(true);
		const consignments = new Set(top.transfersReceived.map((transfer) => transfer.consignment.id));
		const itemConsignments = await asPublic(db(), (tx) => tx`SELECT consignment_id FROM atlas.items WHERE id = ANY(${top.documentedItems.map((item) => item.id)}::int[])`);
		expect(itemConsignments.length).toBe(top.documentedItems.length);
		expect(top.documentedItems.length).toBeLessThanOrEqual(top.items);
		expect(top.caseList.length).toBeLessThanOrEqual(top.cases);
		expect(consignments.size).toBeLessThanOrEqual(top.consignments);
	});

	it('drops a destination set to draft at once: no id of it in the public answer, while staff still see it', async () => {
		const before = await asPublic(db(), (tx) => readHighRiskDestinations(tx, EVERYTHING));
		const target = before.destinations.find((row) => row.kind === 'broker') ?? before.destinations[0]!;
		const after = await rolledBack(db(), async (tx) => {
			await tx`UPDATE atlas.parties SET visibility = 'draft' WHERE id = ${target.id}`;
			const publicAnswer = await asPublicIn(tx, (t) => readHighRiskDestinations(t, EVERYTHING));
			await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'staff', true)`;
			const staffAnswer = await readHighRiskDestinations(tx, EVERYTHING);
			await tx`RESET ROLE`;
			return { publicAnswer, staffAnswer };
		});
		expect(partyIds(before).has(target.id)).toBe(true);
		expect(partyIds(after.publicAnswer).has(target.id)).toBe(false);
		expect(after.publicAnswer.destinations.length).toBe(before.destinations.length - 1);
		expect(after.staffAnswer.destinations.map((row) => row.id)).toContain(target.id);
	});

	it('answers 400 naming the field for a bad country of manufacture or period on /destinations', async () => {
		const status = async (search: string) => {
			try {
				await destinationsLoad({ url: new URL(`http://atlas.test/destinations${search}`), locals: { viewer: anonymousViewer, locale: 'en' } } as never);
			} catch (thrown) {
				return { status: (thrown as { status?: number }).status, message: String((thrown as { body?: { message?: string } }).body?.message ?? '') };
			}
			return { status: 200, message: '' };
		};
		expect(await status('?made_in=XXX')).toMatchObject({ status: 400, message: expect.stringMatching(/^made_in/) });
		expect(await status('?from=2019&to=2015')).toMatchObject({ status: 400 });
		expect(await status('?made_in=BEL&from=2015')).toMatchObject({ status: 200 });
	});
});
