// A date the published record does not give is stored as a placeholder (so the row can be
// counted in a year) with a precision saying so; every loader that hands a date to a page
// hands its precision with it, so no page shows the placeholder as a day.
import { expect, it } from 'vitest';
import { checkMarkingQuery, searchMarkings } from '../../../src/lib/server/records/markings-search.ts';
import { readItemChain } from '../../../src/lib/server/records/item-chain.ts';
import { readSiteDetail } from '../../../src/lib/server/records/site-detail.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';

describeEachBackend('dates the record does not give', (db) => {
	it('hands every real item chain its documentation, request and response dates with their precision', async () => {
		const rows = await db()`
			SELECT i.id, coalesce(e.documented_on_precision, 'day') AS documented,
			  (SELECT json_agg(json_build_object('issued', coalesce(r.issued_on_precision, 'day'),
			      'received', coalesce(p.received_on_precision, 'day')) ORDER BY r.issued_on, r.id)
			   FROM atlas.trace_request_items ri JOIN atlas.trace_requests r ON r.id = ri.request_id
			   JOIN atlas.trace_responses p ON p.request_id = r.id WHERE ri.item_id = i.id) AS traces
			FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id WHERE NOT i.synthetic ORDER BY i.id`;
		expect(rows.length).toBeGreaterThan(20);
		// The record leaves dates out on several real rows: this test must see some.
		expect(rows.filter((r) => r.documented === 'unpublished').length).toBeGreaterThan(5);
		for (const row of rows) {
			const chain = await asPublic(db(), (tx) => readItemChain(tx, row.id));
			expect(chain!.documentation.documentedOnPrecision, `item ${row.id}`).toBe(row.documented);
			expect(chain!.traceRequests.map((r) => ({ issued: r.issuedOnPrecision, received: r.response?.receivedOnPrecision })), `item ${row.id}`)
				.toEqual(row.traces ?? []);
		}
	});

	it('gives the Burkina Faso pistols\' search hit and site events the precision "unpublished", not a day', async () => {
		const check = checkMarkingQuery('T0620-10H00582');
		expect(check.ok).toBe(true);
		const result = await asPublic(db(), (tx) => searchMarkings(tx, 'T0620-10H00582', (check as { normalised: string }).normalised));
		const [hit] = result.items.filter((i) => !i.synthetic);
		expect(hit).toMatchObject({ serialNumber: 'T0620-10H00582', documentedOnPrecision: 'unpublished' });
		const detail = await asPublic(db(), (tx) => readSiteDetail(tx, hit!.site.id, {}, { limit: 20, offset: 0 }));
		expect(detail!.events.map((e) => e.documentedOnPrecision)).toEqual(['unpublished']);
	});
});
