// The demo data must reproduce the published 2015-2019 figures (Diversion Digest, Issue 03)
// when its rows are counted, as the public sees them. The figures below are the published
// ones, typed from the report, not imported from the generator's plan.
import { expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { asPublic } from '../as-viewer.ts';

const within = (actual: number, expected: number, points = 2) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(points);
const pct = (part: number, whole: number) => (100 * part) / whole;

const IN_WINDOW = `r.issued_on BETWEEN '2015-01-01' AND '2019-12-31'`;

const PUBLISHED_FACTORS: Record<string, [number, number, number]> = {
	formal_refusal: [0, 3, 27],
	records_destroyed: [0, 8, 3],
	retention_expired: [0, 13, 6],
	party_no_longer_exists: [0, 12, 2],
	records_not_kept: [0, 1, 8],
	manufacturer_confirmed: [100, 68, 1],
	manufacture_date_given: [100, 40, 0],
	recipient_given: [100, 61, 0],
	delivery_dates_given: [100, 50, 1],
	quantity_given: [100, 37, 0],
	intermediaries_given: [100, 27, 0],
	transfer_documents_given: [100, 23, 0]
};

describeEachBackend('demo data reproduces the published trace figures', (db) => {
	it('has 3,087 trace requests and 1,238 responses in 2015-2019', async () => {
		const [row] = await asPublic(db(), (tx) => tx.unsafe(`
			SELECT count(*)::int AS requests, count(p.id)::int AS responses
			FROM atlas.trace_requests r LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
			WHERE ${IN_WINDOW}`));
		expect(row).toEqual({ requests: 3087, responses: 1238 });
	});

	it('classes the responses 56 expansive, 871 permissive, 311 dissuasive', async () => {
		const rows = await asPublic(db(), (tx) => tx.unsafe(`
			SELECT p.class, count(*)::int AS n FROM atlas.trace_responses p
			JOIN atlas.trace_requests r ON r.id = p.request_id WHERE ${IN_WINDOW} GROUP BY p.class`));
		expect(Object.fromEntries(rows.map((r) => [r.class, r.n]))).toEqual({ expansive: 56, permissive: 871, dissuasive: 311 });
	});

	it('matches every share of the factor table within 2 points', async () => {
		const rows = await asPublic(db(), (tx) => tx.unsafe(`
			SELECT f.code, p.class,
			  count(*) FILTER (WHERE EXISTS (SELECT 1 FROM atlas.trace_response_factors x WHERE x.response_id = p.id AND x.factor_code = f.code))::int AS n,
			  count(*)::int AS total
			FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
			CROSS JOIN atlas.trace_factors f
			WHERE ${IN_WINDOW} GROUP BY f.code, p.class`));
		expect(rows.length).toBe(12 * 3);
		for (const row of rows) {
			const expected = PUBLISHED_FACTORS[row.code][['expansive', 'permissive', 'dissuasive'].indexOf(row.class)];
			within(pct(row.n, row.total), expected);
		}
	});

	it('has responses prompting secondary requests at 64 / 26 / 0 % by class, each followed by one', async () => {
		const rows = await asPublic(db(), (tx) => tx.unsafe(`
			SELECT p.class, avg(p.prompted_secondary::int) * 100 AS share,
			  bool_and(NOT p.prompted_secondary OR EXISTS (SELECT 1 FROM atlas.trace_requests s WHERE s.parent_request_id = r.id)) AS followed
			FROM atlas.trace_responses p JOIN atlas.trace_requests r ON r.id = p.request_id
			WHERE ${IN_WINDOW} GROUP BY p.class`));
		const byClass = Object.fromEntries(rows.map((r) => [r.class, r]));
		within(Number(byClass.expansive.share), 64);
		within(Number(byClass.permissive.share), 26);
		within(Number(byClass.dissuasive.share), 0);
		expect(rows.every((r) => r.followed)).toBe(true);
	});

	it('answers primary requests at 43 % and secondary at 24 %, companies above states every year but 2015', async () => {
		const rows = await asPublic(db(), (tx) => tx.unsafe(`
			SELECT r.kind, (q.kind = 'state') AS to_state, extract(year FROM r.issued_on)::int AS year,
			  count(*)::int AS requests, count(p.id)::int AS responses
			FROM atlas.trace_requests r JOIN atlas.parties q ON q.id = r.recipient_id
			LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
			WHERE ${IN_WINDOW} GROUP BY 1, 2, 3`));
		const rate = (filter: (r: (typeof rows)[number]) => boolean) => {
			const chosen = rows.filter(filter);
			return pct(chosen.reduce((s, r) => s + r.responses, 0), chosen.reduce((s, r) => s + r.requests, 0));
		};
		within(rate((r) => r.kind === 'primary'), 43);
		within(rate((r) => r.kind === 'secondary'), 24);
		for (const year of [2015, 2016, 2017, 2018, 2019]) {
			const companies = rate((r) => r.kind === 'primary' && r.year === year && !r.to_state);
			const states = rate((r) => r.kind === 'primary' && r.year === year && r.to_state);
			if (year === 2015) expect(companies).toBeLessThan(states);
			else expect(companies).toBeGreaterThan(states);
		}
	});

	it('sends 1,933 requests to governments: Eastern Europe 891 at 53 % (second highest), Asia 326 at 7 % (lowest)', async () => {
		const rows = await asPublic(db(), (tx) => tx.unsafe<{ region: string | null; requests: number; responses: number }[]>(`
			SELECT c.digest_region AS region, count(*)::int AS requests, count(p.id)::int AS responses
			FROM atlas.trace_requests r JOIN atlas.parties q ON q.id = r.recipient_id AND q.kind = 'state'
			LEFT JOIN atlas.countries c ON c.iso3 = q.country_iso3
			LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
			WHERE ${IN_WINDOW} GROUP BY 1`));
		expect(rows.reduce((s, r) => s + r.requests, 0)).toBe(1933);
		const named = rows.filter((r) => r.region).map((r) => ({ ...r, rate: pct(r.responses, r.requests) })).sort((a, b) => b.rate - a.rate);
		const eastern = named.find((r) => r.region === 'Eastern Europe')!;
		const asia = named.find((r) => r.region === 'Asia')!;
		within(eastern.requests, 891, 0);
		within(eastern.rate, 53);
		within(asia.requests, 326, 0);
		within(asia.rate, 7);
		expect(named[1].region).toBe('Eastern Europe');
		expect(named[named.length - 1].region).toBe('Asia');
	});

	it('has seven EU member states answering more than 95 % of requests, two of them all', async () => {
		const rows = await asPublic(db(), (tx) => tx.unsafe(`
			SELECT c.iso3, count(p.id)::float / count(*) AS rate
			FROM atlas.trace_requests r JOIN atlas.parties q ON q.id = r.recipient_id AND q.kind = 'state'
			JOIN atlas.countries c ON c.iso3 = q.country_iso3 AND c.eu_member
			LEFT JOIN atlas.trace_responses p ON p.request_id = r.id
			WHERE ${IN_WINDOW} GROUP BY c.iso3`));
		expect(rows.filter((r) => r.rate > 0.95)).toHaveLength(7);
		expect(rows.filter((r) => r.rate === 1)).toHaveLength(2);
	});

	it('has 2,578 weapons with a known year of manufacture, 71 % older than 20 and 64 % older than 30 years when recovered', async () => {
		const [row] = await asPublic(db(), (tx) => tx`
			SELECT count(*)::int AS weapons,
			  avg((extract(year FROM e.documented_on) - i.year_made > 20)::int) * 100 AS over20,
			  avg((extract(year FROM e.documented_on) - i.year_made > 30)::int) * 100 AS over30,
			  count(*) FILTER (WHERE i.year_made BETWEEN 1910 AND 1919)::int AS from1910s,
			  count(*) FILTER (WHERE i.year_made BETWEEN 1920 AND 1929)::int AS from1920s,
			  count(*) FILTER (WHERE i.year_made BETWEEN 1930 AND 1939)::int AS from1930s
			FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
			WHERE i.category = 'weapon' AND i.year_made IS NOT NULL`);
		expect(row.weapons).toBe(2578);
		within(Number(row.over20), 71);
		within(Number(row.over30), 64);
		expect([row.from1910s, row.from1920s, row.from1930s]).toEqual([1, 0, 7]);
	});

	it('documents at least 600,000 units in 60,000 item records and 14,000 cases in 27 conflict-affected states', async () => {
		const [row] = await asPublic(db(), (tx) => tx`
			SELECT (SELECT count(*) FROM atlas.items)::int AS items,
			  (SELECT sum(quantity) FROM atlas.items)::bigint AS units,
			  (SELECT count(*) FROM atlas.diversion_cases)::int AS cases,
			  (SELECT count(DISTINCT d.country_iso3) FROM atlas.diversion_cases d
			     JOIN atlas.countries c ON c.iso3 = d.country_iso3 AND c.conflict_affected)::int AS states`);
		expect(row.items).toBeGreaterThanOrEqual(60_000);
		expect(Number(row.units)).toBeGreaterThanOrEqual(600_000);
		expect(row.cases).toBeGreaterThanOrEqual(14_000);
		expect(row.states).toBeGreaterThanOrEqual(27);
	});
});
