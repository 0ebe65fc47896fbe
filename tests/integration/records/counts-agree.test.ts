// Counts agree everywhere: the about page, /api/health, /api/summary with no filter, the
// sites tiles and the sites GeoJSON count one public set, in which an item is public only
// when its documentation event and its site are too; and a case's title agrees with the
// items and sites its page lists.
import { expect, it } from 'vitest';
import type { TransactionSql } from 'postgres';
import { load as aboutLoad } from '../../../src/routes/about/+page.server.ts';
import { GET as health } from '../../../src/routes/api/health/+server.ts';
import { GET as summary } from '../../../src/routes/api/summary/+server.ts';
import { GET as sitesGeojson } from '../../../src/routes/api/sites.geojson/+server.ts';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { portalFigures } from '../../../src/lib/server/portal-figures.ts';
import { summarise } from '../../../src/lib/server/map/explorer-counts.ts';
import { readCaseRecord } from '../../../src/lib/server/records/case-record.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { asPublic } from '../as-viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { decodeTile } from '../map/tile-decoding.ts';
import { rolledBack } from '../rolled-back.ts';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/** Reads as the anonymous public inside an owner transaction (after its writes). */
async function becomePublic(tx: TransactionSql) {
	await tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true), set_config('atlas.viewer_country', '', true)`;
}

const NUMBER_WORDS: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
/** Figures a title states about its own lists: "six places", "3 items", "two rounds". */
function titleFigures(title: string): { count: number; of: 'items' | 'sites' | 'rounds' }[] {
	const out: { count: number; of: 'items' | 'sites' | 'rounds' }[] = [];
	for (const m of title.matchAll(/\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten) (items?|places?|sites?|rounds?)\b/gi)) {
		const count = /^\d+$/.test(m[1]) ? Number(m[1]) : NUMBER_WORDS[m[1].toLowerCase()];
		const noun = m[2].toLowerCase();
		out.push({ count, of: noun.startsWith('item') ? 'items' : noun.startsWith('round') ? 'rounds' : 'sites' });
	}
	return out;
}

describeEachBackend('counts agree everywhere', (db, backend) => {
	useAppDatabase(backend.url);

	it('about page = /api/health = /api/summary with no filter = sites tile cells = sites GeoJSON numberMatched', async () => {
		const about = (await aboutLoad({ locals: { viewer: anonymousViewer, locale: 'en' } } as never)) as { counts: Record<string, number> };
		const healthBody = await (await call(health, '/api/health')).json();
		const summaryBody = await (await call(summary, '/api/summary')).json();
		const { sites: cells } = await decodeTile(
			await call(tile, '/tiles/sites/0/0/0.mvt', { params: { layer: 'sites', z: '0', x: '0', y: '0' }, headers: { 'accept-encoding': 'gzip' } })
		);
		const geojson = await (await call(sitesGeojson, '/api/sites.geojson?limit=1')).json();

		expect(healthBody.counts).toEqual(about.counts);
		const { items, units, sites, cases, routes } = about.counts;
		expect({ items: summaryBody.items, units: summaryBody.units, sites: summaryBody.sites, cases: summaryBody.cases, routes: summaryBody.routes })
			.toEqual({ items, units, sites, cases, routes });
		expect(sum(cells.map((f) => Number(f.properties.items)))).toBe(items);
		expect(sum(cells.map((f) => Number(f.properties.sites)))).toBe(sites);
		expect(geojson.numberMatched).toBe(sites);
		// And each figure is the row count the public reads from the tables themselves.
		const [direct] = await asPublic(db(), (tx) => tx`SELECT
			(SELECT count(*) FROM atlas.items)::int AS items, (SELECT coalesce(sum(quantity), 0) FROM atlas.items)::float8 AS units,
			(SELECT count(DISTINCT e.site_id) FROM atlas.items i JOIN atlas.documentation_events e ON e.id = i.event_id)::int AS sites`);
		expect({ items, units, sites }).toEqual(direct);
	});

	it('hides an item under a draft documentation event or a draft site from the public, in every count', async () => {
		const [event] = await db()`
			SELECT e.id, e.site_id, count(i.id)::int AS items,
			  (SELECT count(*) FROM atlas.item_facts f WHERE f.site_id = e.site_id AND f.visibility = 'public')::int AS site_items
			FROM atlas.documentation_events e
			JOIN atlas.items i ON i.event_id = e.id AND i.visibility = 'public'
			JOIN atlas.sites s ON s.id = e.site_id AND s.visibility = 'public'
			WHERE e.visibility = 'public' AND e.synthetic GROUP BY e.id ORDER BY count(i.id) DESC, e.id LIMIT 1`;
		const before = await asPublic(db(), (tx) => portalFigures(tx));
		for (const hide of ['event', 'site'] as const) {
			const after = await rolledBack(db(), async (tx) => {
				if (hide === 'event') await tx`UPDATE atlas.documentation_events SET visibility = 'draft' WHERE id = ${event!.id}`;
				else await tx`UPDATE atlas.sites SET visibility = 'draft' WHERE id = ${event!.site_id}`;
				// No rebuild: the facts follow the change in its own transaction (015).
				await becomePublic(tx);
				const [hidden] = await tx`SELECT count(*)::int AS n FROM atlas.items WHERE event_id = ${event!.id}`;
				return { hidden: hidden.n, figures: await portalFigures(tx), map: await summarise(tx, {}) };
			});
			// The item rows themselves stay 'public': only their event or site changed.
			expect(after.hidden, hide).toBe(0);
			expect(after.figures.counts.items, hide).toBe(before.counts.items - (hide === 'event' ? event!.items : event!.site_items));
			expect(after.figures.counts.items, hide).toBe(after.map.items);
		}
	});

	it('shows the items again when their site is published again (the chain follows every change)', async () => {
		const [row] = await db()`SELECT e.id, e.site_id FROM atlas.documentation_events e JOIN atlas.items i ON i.event_id = e.id
			WHERE e.visibility = 'public' AND i.visibility = 'public' ORDER BY e.id LIMIT 1`;
		const seen = await rolledBack(db(), async (tx) => {
			await tx`UPDATE atlas.sites SET visibility = 'draft' WHERE id = ${row!.site_id}`;
			await tx`UPDATE atlas.sites SET visibility = 'public' WHERE id = ${row!.site_id}`;
			await becomePublic(tx);
			const [n] = await tx`SELECT count(*)::int AS n FROM atlas.items WHERE event_id = ${row!.id}`;
			return n.n;
		});
		expect(seen).toBeGreaterThan(0);
	});

	it('gives every public case a title whose figures match the items and sites the public reads on it', async () => {
		const cases = await asPublic(db(), (tx) => tx`
			SELECT d.id, d.title, d.synthetic,
			  (SELECT count(*) FROM atlas.case_items ci JOIN atlas.items i ON i.id = ci.item_id WHERE ci.case_id = d.id)::int AS items,
			  (SELECT count(*) FROM atlas.case_items ci JOIN atlas.items i ON i.id = ci.item_id
			     WHERE ci.case_id = d.id AND i.item_type = 'mortar round')::int AS rounds,
			  (SELECT count(*) FROM atlas.case_sites cs JOIN atlas.sites s ON s.id = cs.site_id WHERE cs.case_id = d.id)::int AS sites,
			  (SELECT min(s.name) FROM atlas.case_sites cs JOIN atlas.sites s ON s.id = cs.site_id WHERE cs.case_id = d.id) AS site
			FROM atlas.diversion_cases d`);
		expect(cases.length).toBeGreaterThan(1000);
		const wrong: string[] = [];
		let stated = 0;
		for (const c of cases) {
			for (const figure of titleFigures(c.title)) {
				stated++;
				if (c[figure.of] !== figure.count) wrong.push(`${c.id} "${c.title}": ${c[figure.of]} ${figure.of}`);
			}
			const place = / at (.+)$/.exec(c.title)?.[1];
			if (c.synthetic && place !== c.site) wrong.push(`${c.id} "${c.title}": site ${c.site}`);
		}
		expect(wrong).toEqual([]);
		expect(stated).toBeGreaterThan(1000);
	});

	it('lists on the case page exactly what the title says: six places for the Iraq mortar case, N items on demo cases', async () => {
		const rows = await db()`
			(SELECT id FROM atlas.diversion_cases WHERE NOT synthetic AND title ILIKE '%six places%')
			UNION ALL (SELECT id FROM atlas.diversion_cases WHERE synthetic AND visibility = 'public' ORDER BY id LIMIT 20)`;
		expect(rows).toHaveLength(21);
		for (const { id } of rows) {
			const record = await asPublic(db(), (tx) => readCaseRecord(tx, id as number));
			for (const figure of titleFigures(record!.title)) {
				const shown = figure.of === 'items' ? record!.items.length
					: figure.of === 'rounds' ? record!.items.filter((i) => i.itemType === 'mortar round').length : record!.sites.length;
				expect(shown, record!.title).toBe(figure.count);
			}
		}
	});
});
