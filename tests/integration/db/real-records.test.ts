// The published case records (Diversion Digest, Issue 03; DOMAIN.md, "Public case records")
// must be in the demo data as real rows: synthetic = false, citing the publication, and
// findable the way a reader looks for them. The facts below are typed from DOMAIN.md, not
// imported from db/seed/real-records.ts. Everything else must be flagged synthetic.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { asPublic } from '../as-viewer.ts';

/** Trace correspondence of one item: request date, recipient, response date and factors. */
const TRACES_OF_ITEM = `
	SELECT q.name AS recipient, r.recipient_iso3, r.issued_on::text AS issued_on, p.received_on::text AS received_on,
	  p.class::text AS class, r.synthetic AS request_synthetic, p.synthetic AS response_synthetic,
	  array(SELECT f.factor_code FROM atlas.trace_response_factors f WHERE f.response_id = p.id ORDER BY f.factor_code) AS factors
	FROM atlas.trace_request_items ri
	JOIN atlas.trace_requests r ON r.id = ri.request_id
	JOIN atlas.parties q ON q.id = r.recipient_id
	LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
	WHERE ri.item_id = $1 ORDER BY r.issued_on`;

/** The consignment of one item, with the transfer that moved it. */
const CONSIGNMENT_OF_ITEM = `
	SELECT c.order_number, c.ordered_on::text AS ordered_on, c.origin_iso3, c.synthetic AS consignment_synthetic,
	  f.name AS from_party, t.name AS to_party, t.country_iso3 AS to_iso3, t.red_flag AS to_red_flag,
	  t.red_flag_reason AS to_red_flag_reason, x.quantity, x.shipped_from::text AS shipped_from,
	  x.shipped_to::text AS shipped_to, x.synthetic AS transfer_synthetic
	FROM atlas.items i
	JOIN atlas.consignments c ON c.id = i.consignment_id
	JOIN atlas.transfers x ON x.consignment_id = c.id
	JOIN atlas.parties f ON f.id = x.from_party_id
	JOIN atlas.parties t ON t.id = x.to_party_id
	WHERE i.id = $1`;

/** Where and how an item was documented, and the source cited for it. */
const DOCUMENTATION_OF_ITEM = `
	SELECT s.name AS site, s.country_iso3, e.documented_on::text AS documented_on, e.context::text AS context,
	  src.kind::text AS source_kind, src.citation, e.synthetic AS event_synthetic, s.synthetic AS site_synthetic
	FROM atlas.items i
	JOIN atlas.documentation_events e ON e.id = i.event_id
	JOIN atlas.sites s ON s.id = e.site_id
	JOIN atlas.sources src ON src.id = e.source_id
	WHERE i.id = $1`;

describeEachBackend('published case records are real rows citing the Diversion Digest', (db) => {
	it('finds the Letfallah II FN MAG by searching markings for 99352, with its Belgian order, Libyan recipient and trace', async () => {
		await asPublic(db(), async (tx) => {
			const found = await tx`
				SELECT i.id, i.model, i.serial_number, i.made_in_iso3, i.synthetic, m.name AS manufacturer
				FROM atlas.items i LEFT JOIN atlas.parties m ON m.id = i.manufacturer_id
				WHERE i.markings_normalised LIKE '%99352%' AND i.model = 'FN MAG'`;
			expect(found).toHaveLength(1);
			const [mag] = found;
			expect(mag).toMatchObject({ serial_number: '99352', made_in_iso3: 'BEL', synthetic: false, manufacturer: 'FN Herstal' });

			const [documented] = await tx.unsafe(DOCUMENTATION_OF_ITEM, [mag.id]);
			expect(documented).toMatchObject({ country_iso3: 'LBN', documented_on: '2012-04-27', context: 'seized', source_kind: 'publication' });
			expect(documented.citation).toMatch(/Diversion Digest/);

			const consignment = await tx.unsafe(CONSIGNMENT_OF_ITEM, [mag.id]);
			expect(consignment).toHaveLength(1);
			expect(consignment[0]).toMatchObject({
				order_number: '23-2-7520', ordered_on: '1979-10-04', from_party: 'FN Herstal', to_party: 'Government of Libya',
				to_iso3: 'LBY', consignment_synthetic: false, transfer_synthetic: false
			});

			const traces = await tx.unsafe(TRACES_OF_ITEM, [mag.id]);
			expect(traces).toHaveLength(1);
			expect(traces[0]).toMatchObject({
				recipient: 'Government of Belgium', recipient_iso3: 'BEL', issued_on: '2015-08-05', received_on: '2015-10-09',
				request_synthetic: false, response_synthetic: false
			});
			expect(traces[0].factors).toEqual(expect.arrayContaining(['manufacturer_confirmed', 'recipient_given']));
		});
	});

	it('has every published FN FAL serial under its Libyan order number and date, traced with Belgium', async () => {
		const rows = await asPublic(db(), (tx) => tx`
			SELECT i.serial_number, c.order_number, c.ordered_on::text AS ordered_on, t.name AS to_party,
			  (SELECT array_agg(DISTINCT p.received_on::text) FROM atlas.trace_request_items ri
			     JOIN atlas.trace_requests r ON r.id = ri.request_id AND r.recipient_iso3 = 'BEL' AND r.issued_on = '2015-08-05'
			     JOIN atlas.trace_responses p ON p.request_id = r.id WHERE ri.item_id = i.id) AS answered
			FROM atlas.items i
			JOIN atlas.consignments c ON c.id = i.consignment_id
			JOIN atlas.transfers x ON x.consignment_id = c.id
			JOIN atlas.parties t ON t.id = x.to_party_id
			WHERE i.model = 'FN FAL' AND NOT i.synthetic AND NOT c.synthetic`);
		const byOrder = (serials: string[], order: string, day: string) =>
			serials.map((serial) => ({ serial_number: serial, order_number: order, ordered_on: day, to_party: 'Government of Libya', answered: ['2015-10-09'] }));
		const sorted = <T extends { serial_number: string }>(list: T[]) => [...list].sort((a, b) => a.serial_number.localeCompare(b.serial_number));
		expect(sorted(rows.map((r) => ({ ...r }) as { serial_number: string }))).toEqual(sorted([
			...byOrder(['1225111', '1243069', '1232064', '1240363'], '23-2-6255', '1975-08-29'),
			...byOrder(['995754', '1004805'], '23-2-4709', '1973-07-30'),
			...byOrder(['781694'], 'A752', '1967-12-18'),
			...byOrder(['798432', '792525'], 'A934', '1968-05-13')
		]));
	});

	it('has the Romanian FPK lot F-7503 answered on 2015-10-07 (request 2015-08-20), exported to Libya 1978-79', async () => {
		await asPublic(db(), async (tx) => {
			const found = await tx`
				SELECT i.id, i.model, i.calibre, i.made_in_iso3, i.synthetic, m.name AS manufacturer
				FROM atlas.items i LEFT JOIN atlas.parties m ON m.id = i.manufacturer_id
				WHERE i.markings_normalised LIKE '%F7503%' AND NOT i.synthetic`;
			expect(found).toHaveLength(1);
			expect(found[0]).toMatchObject({ model: 'FPK', calibre: '7.62 x 54R mm', made_in_iso3: 'ROU', manufacturer: 'Uzina Mecanică Cugir' });
			const traces = await tx.unsafe(TRACES_OF_ITEM, [found[0].id]);
			expect(traces).toHaveLength(1);
			expect(traces[0]).toMatchObject({ recipient_iso3: 'ROU', issued_on: '2015-08-20', received_on: '2015-10-07', response_synthetic: false });
			// Records older than the retention period were gone.
			expect(traces[0].factors).toContain('retention_expired');
			const [consignment] = await tx.unsafe(CONSIGNMENT_OF_ITEM, [found[0].id]);
			expect(consignment).toMatchObject({ to_party: 'Government of Libya', shipped_from: '1978-01-01', shipped_to: '1979-12-31' });
		});
	});

	it('ties the Iraq mortar consignment to items recovered at exactly six places, with one route to each', async () => {
		await asPublic(db(), async (tx) => {
			const consignments = await tx`
				SELECT DISTINCT c.id FROM atlas.consignments c
				JOIN atlas.transfers x ON x.consignment_id = c.id
				JOIN atlas.parties t ON t.id = x.to_party_id AND t.name = 'Government of Iraq'
				JOIN atlas.items i ON i.consignment_id = c.id AND i.item_type ILIKE '%mortar%'
				WHERE NOT c.synthetic`;
			expect(consignments).toHaveLength(1);
			const consignmentId = consignments[0].id;
			const sites = await tx`
				SELECT DISTINCT s.id, s.name, s.country_iso3 FROM atlas.items i
				JOIN atlas.documentation_events e ON e.id = i.event_id JOIN atlas.sites s ON s.id = e.site_id
				WHERE i.consignment_id = ${consignmentId}`;
			expect(sites).toHaveLength(6);
			expect(sites.every((s) => s.country_iso3 === 'IRQ')).toBe(true);
			for (const town of ['Tikrit', 'Bashiqa', 'Hawija', 'Qaraqosh', 'Ramadi', 'Nayif Al Huza']) {
				expect(sites.filter((s) => s.name.includes(town)), town).toHaveLength(1);
			}
			const [kinds] = await tx`
				SELECT count(*) FILTER (WHERE item_type ILIKE '%crate%')::int AS crates,
				  count(*) FILTER (WHERE item_type = 'mortar round')::int AS rounds,
				  count(*) FILTER (WHERE calibre IN ('81 mm', '120 mm'))::int AS traced_calibres
				FROM atlas.items WHERE consignment_id = ${consignmentId}`;
			// Two traced rounds (81 mm, 120 mm), five empty crates and two more rounds.
			expect(kinds).toEqual({ crates: 5, rounds: 4, traced_calibres: 2 });
			const routes = await tx`SELECT site_id FROM atlas.routes WHERE consignment_id = ${consignmentId}`;
			expect(routes).toHaveLength(6);
			expect(routes.map((r) => r.site_id).sort()).toEqual(sites.map((s) => s.id).sort());
		});
	});

	it('finds the Girsan MC21 by its full serial T6368-13 G00356, shipped 2013-12-04 in an order of 175', async () => {
		await asPublic(db(), async (tx) => {
			// Searching the normalised form finds the marking as written with a dash and a space.
			const found = await tx`
				SELECT i.id, i.serial_number, i.model, i.made_in_iso3, m.name AS manufacturer,
				  'counterfeit' = ANY (i.construction) AS counterfeit
				FROM atlas.items i LEFT JOIN atlas.parties m ON m.id = i.manufacturer_id
				WHERE i.markings_normalised LIKE '%T636813G00356%' AND NOT i.synthetic`;
			expect(found).toHaveLength(1);
			expect(found[0]).toMatchObject({ serial_number: 'T6368-13 G00356', model: 'MC21', made_in_iso3: 'TUR', manufacturer: 'Girsan', counterfeit: false });
			const traces = await tx.unsafe(TRACES_OF_ITEM, [found[0].id]);
			expect(traces).toHaveLength(1);
			expect(traces[0]).toMatchObject({ recipient: 'Girsan', issued_on: '2019-03-08', received_on: '2019-03-13' });
			expect(traces[0].factors).toContain('transfer_documents_given');
			const [consignment] = await tx.unsafe(CONSIGNMENT_OF_ITEM, [found[0].id]);
			expect(consignment).toMatchObject({ quantity: 175, shipped_from: '2013-12-04', to_iso3: 'BFA', from_party: 'Girsan' });
		});
	});

	it('marks the pistol with serial T0620-10H00582 as counterfeit, not Girsan-made, answered 2019-08-07', async () => {
		await asPublic(db(), async (tx) => {
			const found = await tx`
				SELECT i.id, i.manufacturer_id, 'counterfeit' = ANY (i.construction) AS counterfeit, e.site_id, s.country_iso3
				FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id JOIN atlas.sites s ON s.id = e.site_id
				WHERE i.serial_number = 'T0620-10H00582' AND NOT i.synthetic`;
			expect(found).toHaveLength(1);
			expect(found[0]).toMatchObject({ manufacturer_id: null, counterfeit: true, country_iso3: 'BFA' });
			const traces = await tx.unsafe(TRACES_OF_ITEM, [found[0].id]);
			expect(traces.map((t) => [t.recipient, t.received_on])).toEqual([['Girsan', '2019-08-07']]);
		});
	});

	it('has the sorbitol found in Iraq sold on through a red-flagged Turkish distributor, with the reason given', async () => {
		await asPublic(db(), async (tx) => {
			const found = await tx`
				SELECT i.id, s.country_iso3 FROM atlas.items i
				JOIN atlas.documentation_events e ON e.id = i.event_id JOIN atlas.sites s ON s.id = e.site_id
				WHERE i.item_type = 'sorbitol' AND i.category = 'dual_use' AND NOT i.synthetic`;
			expect(found).toHaveLength(1);
			expect(found[0].country_iso3).toBe('IRQ');
			const [consignment] = await tx.unsafe(CONSIGNMENT_OF_ITEM, [found[0].id]);
			expect(consignment).toMatchObject({ to_iso3: 'TUR', to_red_flag: true, quantity: 78, transfer_synthetic: false });
			expect(consignment.to_red_flag_reason).toEqual(expect.stringMatching(/\S/));
			const [inCase] = await tx`
				SELECT count(*)::int AS n FROM atlas.case_items ci
				JOIN atlas.diversion_cases d ON d.id = ci.case_id AND NOT d.synthetic
				JOIN atlas.case_parties cp ON cp.case_id = d.id AND cp.role = 'intermediary'
				JOIN atlas.parties p ON p.id = cp.party_id AND p.red_flag
				WHERE ci.item_id = ${found[0].id}`;
			expect(inCase.n).toBe(1);
		});
	});

	it('has the modified commercial drones recovered in Iraq in 2017 in a real case with a trace response', async () => {
		const rows = await asPublic(db(), (tx) => tx`
			SELECT i.id, s.country_iso3, extract(year FROM e.documented_on)::int AS year,
			  (SELECT count(*)::int FROM atlas.case_items ci JOIN atlas.diversion_cases d ON d.id = ci.case_id AND NOT d.synthetic WHERE ci.item_id = i.id) AS cases,
			  (SELECT count(*)::int FROM atlas.trace_request_items ri JOIN atlas.trace_responses p ON p.request_id = ri.request_id WHERE ri.item_id = i.id) AS responses
			FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id JOIN atlas.sites s ON s.id = e.site_id
			WHERE i.category = 'dual_use' AND i.item_type ILIKE '%drone%' AND NOT i.synthetic`);
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ country_iso3: 'IRQ', year: 2017, cases: 1, responses: 1 });
	});

	it('cites the Digest for every real record: the real source is a publication and the report is public', async () => {
		const sources = await db()`SELECT kind::text AS kind, citation FROM atlas.sources WHERE NOT synthetic`;
		expect(sources.length).toBeGreaterThan(0);
		for (const source of sources) {
			expect(source.kind).toBe('publication');
			expect(source.citation).toMatch(/Diversion Digest/);
		}
		const reports = await db()`SELECT citation, visibility::text AS visibility FROM atlas.reports WHERE NOT synthetic`;
		expect(reports).toEqual([{ citation: expect.stringMatching(/Diversion Digest/), visibility: 'public' }]);
	});

	it('flags everything generated as synthetic: each real row is tied to the publication or is a state', async () => {
		const [row] = await db()`
			WITH publication AS (
			  SELECT id FROM atlas.sources WHERE NOT synthetic AND kind = 'publication' AND citation ILIKE '%Diversion Digest%')
			SELECT
			  (SELECT count(*) FROM atlas.documentation_events e WHERE NOT e.synthetic)::int AS real_events,
			  (SELECT count(*) FROM atlas.documentation_events e WHERE NOT e.synthetic
			     AND e.source_id NOT IN (SELECT id FROM publication))::int AS events_untied,
			  (SELECT count(*) FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
			     WHERE NOT i.synthetic AND (e.synthetic OR e.source_id NOT IN (SELECT id FROM publication)))::int AS items_untied,
			  (SELECT count(*) FROM atlas.sites s WHERE NOT s.synthetic AND NOT EXISTS (
			     SELECT 1 FROM atlas.documentation_events e WHERE e.site_id = s.id AND NOT e.synthetic
			       AND e.source_id IN (SELECT id FROM publication)))::int AS sites_untied,
			  (SELECT count(*) FROM atlas.diversion_cases d WHERE NOT d.synthetic
			     AND (d.source_id IS NULL OR d.source_id NOT IN (SELECT id FROM publication)))::int AS cases_untied,
			  (SELECT count(*) FROM atlas.parties p WHERE NOT p.synthetic
			     AND (p.source_id IS NULL OR p.source_id NOT IN (SELECT id FROM publication))
			     AND NOT (p.kind = 'state' AND p.name LIKE 'Government of %'))::int AS parties_untied,
			  (SELECT count(*) FROM atlas.items WHERE NOT synthetic)::int AS real_items,
			  (SELECT count(*) FROM atlas.sites WHERE NOT synthetic)::int AS real_sites,
			  (SELECT count(*) FROM atlas.diversion_cases WHERE NOT synthetic)::int AS real_cases,
			  (SELECT count(*) FROM atlas.parties WHERE NOT synthetic AND source_id IN (SELECT id FROM publication))::int AS cited_parties`;
		expect(row).toMatchObject({ events_untied: 0, items_untied: 0, sites_untied: 0, cases_untied: 0, parties_untied: 0 });
		// The published records are a handful; the ~90k generated rows are not among them.
		expect(row.real_items).toBeGreaterThanOrEqual(20);
		expect(row.real_items).toBeLessThan(100);
		expect(row.real_sites).toBeGreaterThanOrEqual(9);
		expect(row.real_sites).toBeLessThan(30);
		expect(row.real_cases).toBe(5);
		expect(row.cited_parties).toBeGreaterThanOrEqual(10);
		expect(row.real_events).toBeGreaterThan(0);
	});

	it('never cites the publication for a generated row, and links real correspondence only to real records', async () => {
		const [row] = await db()`
			WITH publication AS (SELECT id FROM atlas.sources WHERE kind = 'publication' AND NOT synthetic)
			SELECT
			  (SELECT count(*) FROM atlas.documentation_events WHERE synthetic AND source_id IN (SELECT id FROM publication))::int AS events,
			  (SELECT count(*) FROM atlas.diversion_cases WHERE synthetic AND source_id IN (SELECT id FROM publication))::int AS cases,
			  (SELECT count(*) FROM atlas.parties WHERE synthetic AND source_id IN (SELECT id FROM publication))::int AS parties,
			  (SELECT count(*) FROM atlas.trace_request_items ri JOIN atlas.trace_requests r ON r.id = ri.request_id
			     JOIN atlas.items i ON i.id = ri.item_id WHERE r.synthetic <> i.synthetic)::int AS request_items_mixed,
			  (SELECT count(*) FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
			     WHERE p.synthetic <> r.synthetic)::int AS responses_mixed,
			  (SELECT count(*) FROM atlas.items i JOIN atlas.consignments c ON c.id = i.consignment_id
			     WHERE NOT c.synthetic AND i.synthetic)::int AS real_consignment_generated_items,
			  (SELECT count(*) FROM atlas.routes r JOIN atlas.consignments c ON c.id = r.consignment_id
			     WHERE r.synthetic <> c.synthetic)::int AS routes_mixed,
			  (SELECT count(*) FROM atlas.right_of_reply y LEFT JOIN atlas.trace_responses p ON p.id = y.response_id
			     WHERE NOT y.synthetic AND (p.id IS NULL OR p.synthetic))::int AS replies_untied,
			  (SELECT count(*) FROM atlas.right_of_reply WHERE NOT synthetic)::int AS real_replies`;
		expect(row).toEqual({
			events: 0, cases: 0, parties: 0, request_items_mixed: 0, responses_mixed: 0, real_consignment_generated_items: 0,
			routes_mixed: 0, replies_untied: 0, real_replies: 0
		});
	});
});
