// GET /api/items/{id}: one item with its whole trace chain, as the anonymous public reads it.
import { expect, it } from 'vitest';
import { GET } from '../../../src/routes/api/items/[id]/+server.ts';
import { readItemChain } from '../../../src/lib/server/records/item-chain.ts';
import { asPublic, asViewer } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { itemIdByModel } from './fixtures.ts';

describeEachBackend('item trace chain', (db) => {
	it('gives the FPK the Romanian response with its limiting and supporting factors', async () => {
		// Looked up before the transaction: PGlite serves one connection while a transaction is open.
		const fpk = await itemIdByModel(db(), 'FPK');
		const chain = await asPublic(db(), (tx) => readItemChain(tx, fpk));
		expect(chain?.item).toMatchObject({ model: 'FPK', markings: { lotNumber: 'F-7503' }, synthetic: false });
		expect(chain?.documentation).toMatchObject({
			documentedOn: '2012-04-27', context: 'seized', verification: 'verified',
			site: { name: 'Tripoli', iso3: 'LBN' }, holdingParty: null, documentedOnPrecision: 'day',
			source: { kind: 'publication', synthetic: false }
		});
		expect(chain?.documentation.source.citation).toMatch(/Diversion Digest/);
		expect(chain?.traceRequests).toHaveLength(1);
		const [romania] = chain!.traceRequests;
		expect(romania).toMatchObject({
			kind: 'primary', recipient: { name: 'Government of Romania' }, recipientIso3: 'ROU', issuedOn: '2015-08-20',
			issuedOnApproximate: false, failure: null, synthetic: false,
			response: { receivedOn: '2015-10-07', class: 'permissive', promptedSecondary: false, synthetic: false }
		});
		expect(romania!.response!.factors).toEqual([
			{ code: 'retention_expired', kind: 'limiting' },
			{ code: 'manufacturer_confirmed', kind: 'supporting' },
			{ code: 'manufacture_date_given', kind: 'supporting' },
			{ code: 'recipient_given', kind: 'supporting' },
			{ code: 'delivery_dates_given', kind: 'supporting' }
		]);
		expect(chain?.consignment?.transfers[0]).toMatchObject({
			from: { name: 'Government of Romania' }, to: { name: 'Government of Libya' }, shippedFrom: '1978-01-01', shippedTo: '1979-12-31'
		});
		expect(chain?.consignment?.transfers[0]?.waypoints.map((w) => w.placeName)).toEqual([
			'Romania (army stocks; place not published; drawn at Cugir)', 'Libya (place of delivery not published; drawn at Tripoli)'
		]);
		expect(chain?.cases).toEqual([expect.objectContaining({ mechanism: 'stockpile_leakage', iso3: 'LBN', synthetic: false })]);
		// The record gives Romania's answer, not a text agreed with Romania: nothing to quote.
		expect(chain?.rightOfReply).toEqual([]);
	});

	it('publishes only locked right-of-reply texts', async () => {
		const drafts = await asPublic(db(), async (tx) => {
			const [row] = await tx`SELECT ri.item_id FROM atlas.right_of_reply r
				JOIN atlas.trace_responses p ON p.id = r.response_id
				JOIN atlas.trace_request_items ri ON ri.request_id = p.request_id
				JOIN atlas.item_facts f ON f.item_id = ri.item_id
				WHERE r.locked_on IS NULL LIMIT 1`;
			return row ? readItemChain(tx, row.item_id as number) : null;
		});
		for (const reply of drafts?.rightOfReply ?? []) expect(reply.lockedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('hides a draft or restricted item from the public (404), while staff can read it', async () => {
		for (const visibility of ['draft', 'restricted']) {
			const [hidden] = await db()`SELECT id FROM atlas.items WHERE visibility = ${visibility} LIMIT 1`;
			expect(hidden, visibility).toBeDefined();
			expect(await asPublic(db(), (tx) => readItemChain(tx, hidden!.id as number))).toBeNull();
			const asStaff = await asViewer(db(), { role: 'staff' }, (tx) => readItemChain(tx, hidden!.id as number));
			expect(asStaff?.item.id).toBe(hidden!.id);
		}
	});

	it('hides a public item documented at a hidden site', async () => {
		const [row] = await db()`SELECT i.id FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
			JOIN atlas.sites s ON s.id = e.site_id WHERE i.visibility = 'public' AND (e.visibility <> 'public' OR s.visibility <> 'public') LIMIT 1`;
		if (row) expect(await asPublic(db(), (tx) => readItemChain(tx, row.id as number))).toBeNull();
	});

	it('answers 400 naming id for a non-numeric id, before reading the database', async () => {
		for (const id of ['abc', '12a', '-3', '0', '99999999999']) {
			const response = await GET({ params: { id }, locals: { viewer: { role: 'public' } } } as unknown as Parameters<typeof GET>[0]);
			expect(response.status, id).toBe(400);
			expect(await response.json()).toMatchObject({ field: 'id' });
		}
	});
});
