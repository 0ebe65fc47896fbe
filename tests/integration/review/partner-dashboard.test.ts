// The partner dashboard (src/lib/server/partner/partner-dashboard.ts), read as the partner:
// its figures are /api/stats?made_in=<its country> as that partner (restricted rows of its
// partition count), its last visit is kept in the database, and what is made visible to it
// after a visit is new on the next one, for that partner and not another.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { readPartnerDashboard } from '../../../src/lib/server/partner/partner-dashboard.ts';
import type { Account } from '../../../src/lib/server/auth/account.ts';
import { viewerOf } from '../../../src/lib/server/auth/account.ts';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';

describeEachBackend('partner dashboard', (db, backend) => {
	useAppDatabase(backend.url);
	let partner: Account;
	let other: Account;
	let item: { id: number };
	beforeAll(async () => {
		// The country with most restricted items in public places: its partner sees more than the public.
		const [country] = await db()`SELECT made_in_iso3 AS iso3 FROM atlas.item_facts
			WHERE item_visibility = 'restricted' AND place_visibility = 'public' GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`;
		const otherIso3 = country.iso3 === 'USA' ? 'RUS' : 'USA';
		const users = await db()`INSERT INTO atlas.users (email, display_name, role, partner_iso3) VALUES
			('review.partner.a@atlas.test', 'Partner A', 'partner', ${country.iso3}),
			('review.partner.b@atlas.test', 'Partner B', 'partner', ${otherIso3}) RETURNING id, email, partner_iso3`;
		[partner, other] = users.map((u) => ({ id: u.id, email: u.email, role: 'partner' as const, country: u.partner_iso3 }));
		// A draft item made there, in a public place, that nothing else links to.
		[item] = await db()`SELECT i.id FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id
			WHERE i.visibility = 'draft' AND e.chain_visibility = 'public' AND i.made_in_iso3 = ${country.iso3}
			  AND i.consignment_id IS NULL AND NOT EXISTS (SELECT 1 FROM atlas.case_items ci WHERE ci.item_id = i.id)
			  AND NOT EXISTS (SELECT 1 FROM atlas.trace_request_items ri WHERE ri.item_id = i.id)
			ORDER BY i.id LIMIT 1`;
		expect(item).toBeDefined();
	});
	afterAll(async () => {
		if (item) await db()`UPDATE atlas.items SET visibility = 'draft' WHERE id = ${item.id}`;
		await db()`DELETE FROM atlas.users WHERE email IN ('review.partner.a@atlas.test', 'review.partner.b@atlas.test')`;
	});

	const visit = async (account: Account) => {
		await dataVersion().refresh();
		return readPartnerDashboard(account);
	};

	it("counts what /api/stats?made_in= counts for that partner, restricted rows of its country included", async () => {
		const dashboard = await visit(partner);
		const asPartner = await (await call(stats, `/api/stats?made_in=${partner.country}`, { viewer: viewerOf(partner) })).json();
		const asPublic = await (await call(stats, `/api/stats?made_in=${partner.country}`)).json();
		expect(dashboard.country.iso3).toBe(partner.country);
		expect(dashboard.producer.items).toBe(asPartner.items);
		expect(Number(dashboard.producer.units)).toBe(Number(asPartner.units));
		expect(dashboard.producer.items).toBeGreaterThan(asPublic.items);
	});

	it('keeps the last visit and lists what was made visible since, to that partner only', async () => {
		const first = await visit(other);
		expect(first.lastVisit).toBeNull();
		expect(first.news).toEqual([]);
		const before = await visit(partner);
		const otherBefore = await visit(other);
		expect(otherBefore.lastVisit).not.toBeNull();

		await db()`UPDATE atlas.items SET visibility = 'restricted' WHERE id = ${item.id}`;
		const after = await visit(partner);
		expect(after.lastVisit).not.toBe(before.lastVisit);
		expect(after.news.map((n) => `${n.kind}-${n.id}-${n.visibility}`)).toContain(`items-${item.id}-restricted`);
		expect(after.newsCount).toBeGreaterThanOrEqual(1);
		const otherAfter = await visit(other);
		expect(otherAfter.news.some((n) => n.kind === 'items' && n.id === item.id)).toBe(false);

		// Seen once, it is no longer new.
		const again = await visit(partner);
		expect(again.news.some((n) => n.kind === 'items' && n.id === item.id)).toBe(false);
	});
});
