// Review steps (src/lib/server/review/review-actions.ts) through the living-data change path:
// a draft event is verified, published and unpublished by an editor, and each step shows in
// the very next answers (decoded tiles, stats, facets, search), makes a data release with the
// right counts, and is audited with the editor as actor; published restricted, its items are
// seen by the partner of their country of manufacture only. The steps commit (the app reads
// its own pool); the seed's state is put back afterwards (fixtures.ts, undoReview).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { GET as search } from '../../../src/routes/api/search/+server.ts';
import { GET as stats } from '../../../src/routes/api/stats/+server.ts';
import { GET as facets } from '../../../src/routes/api/facets/+server.ts';
import { publishRecords, unpublishRecords, verifyRecords } from '../../../src/lib/server/review/review-actions.ts';
import { anonymousViewer, type Viewer } from '../../../src/lib/server/viewer.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { decodeTile } from '../map/tile-decoding.ts';
import { load as casePage } from '../../../src/routes/cases/[id]/+page.server.ts';
import { dataVersion } from '../../../src/lib/server/db.ts';
import { draftCase, draftEvent, editor, tileAt, undoCaseReview, undoReview } from './fixtures.ts';

describeEachBackend('review: verify, publish, unpublish', (db, backend) => {
	useAppDatabase(backend.url);
	let event: Awaited<ReturnType<typeof draftEvent>>;
	let lastRelease = 0;
	let lastAudit = 0n;
	let diversionCase: Awaited<ReturnType<typeof draftCase>>;
	beforeAll(async () => {
		event = await draftEvent(db());
		diversionCase = await draftCase(db());
		[{ lastRelease }] = await db()`SELECT coalesce(max(number), 0)::int AS "lastRelease" FROM atlas.data_releases`;
		const [audit] = await db()`SELECT coalesce(max(id), 0)::text AS id FROM atlas.audit_log`;
		lastAudit = BigInt(audit.id);
	});
	afterAll(async () => {
		if (diversionCase) await undoCaseReview(db(), diversionCase);
		if (event) await undoReview(db(), event, lastRelease);
	});

	const box = () => `${event.lon - 0.005},${event.lat - 0.005},${event.lon + 0.005},${event.lat + 0.005}`;
	const json = async (response: Response) => {
		expect(response.status).toBe(200);
		return response.json();
	};
	/** What a reader sees of the event's place and items in each kind of answer. */
	const seen = async (viewer: Viewer = anonymousViewer) => {
		const { z, x, y } = tileAt(14, event.lon, event.lat);
		const response = await call(tile, `/tiles/sites/${z}/${x}/${y}.mvt`, { viewer, params: { layer: 'sites', z: String(z), x: String(x), y: String(y) } });
		const features = response.status === 204 ? [] : ((await decodeTile(response)).sites ?? []);
		const facetCounts = await json(await call(facets, `/api/facets?made_in=${event.made_in}&country=${event.iso3}`, { viewer }));
		return {
			tileItems: Number(features.find((f) => f.id === event.site_id)?.properties.items ?? 0),
			statsItems: (await json(await call(stats, `/api/stats?bbox=${box()}`, { viewer }))).items as number,
			facetItems: (facetCounts.category as { count: number }[]).reduce((sum, row) => sum + row.count, 0),
			found: ((await json(await call(search, `/api/search?q=${encodeURIComponent(event.serial)}`, { viewer }))).items as { id: number }[])
				.some((hit) => event.items.includes(hit.id))
		};
	};
	const changesOf = async (release: number | null) => Object.fromEntries(
		(await db()`SELECT record_kind, added, changed, withdrawn FROM atlas.release_changes WHERE release = ${release}
			AND record_kind IN ('documentation_events', 'items', 'sites')`).map((row) => [row.record_kind, [row.added, row.changed, row.withdrawn]]));

	it('publishes a verified event in the next answers with a new release, and unpublishing takes it out of all of them', async () => {
		const selection = { kind: 'events' as const, ids: [event.id] };
		const n = event.items.length;
		const before = await seen();
		expect(before.found).toBe(false);

		// Not verified yet: publishing changes nothing and makes no release.
		expect(await publishRecords(editor, selection, 'public', 'too early')).toEqual({ changed: [], release: null });
		expect(await verifyRecords(editor, selection)).toEqual({ changed: [event.id], release: null });
		expect(await seen()).toEqual(before);

		const published = await publishRecords(editor, selection, 'public', 'Publishes one reviewed event');
		expect(published).toEqual({ changed: [event.id], release: lastRelease + 1 });
		expect(await seen()).toEqual({ tileItems: before.tileItems + n, statsItems: before.statsItems + n, facetItems: before.facetItems + n, found: true });
		expect(await changesOf(published.release)).toEqual({ documentation_events: [1, 0, 0], items: [n, 0, 0] });
		const [release] = await db()`SELECT summary FROM atlas.data_releases WHERE number = ${published.release}`;
		expect(release.summary).toBe('Publishes one reviewed event');

		const withdrawn = await unpublishRecords(editor, selection, 'Withdraws one event');
		expect(withdrawn).toEqual({ changed: [event.id], release: lastRelease + 2 });
		expect(await seen()).toEqual(before);
		expect(await changesOf(withdrawn.release)).toEqual({ documentation_events: [0, 0, 1], items: [0, 0, n] });

		// Every step is in the audit log under the editor's name, with what it did.
		const audit = await db()`SELECT table_name, note FROM atlas.audit_log WHERE id > ${lastAudit.toString()}::bigint AND actor = ${editor.email} ORDER BY id`;
		const steps = audit.map((row) => `${row.table_name}: ${row.note}`);
		expect(steps).toContain(`documentation_events: review: verify events ${event.id}`);
		expect(steps).toContain(`documentation_events: review: publish events ${event.id} as public`);
		expect(steps).toContain(`items: review: publish events ${event.id} as public`);
		expect(steps).toContain('data_releases: review: data release "Publishes one reviewed event"');
		expect(steps).toContain(`items: review: unpublish events ${event.id}`);
		expect(steps).toContain('data_releases: review: data release "Withdraws one event"');
	});

	it("published restricted, the items count for their country of manufacture's partner only", async () => {
		const selection = { kind: 'events' as const, ids: [event.id] };
		const partner: Viewer = { role: 'partner', country: event.made_in };
		const otherPartner: Viewer = { role: 'partner', country: event.made_in === 'USA' ? 'RUS' : 'USA' };
		await verifyRecords(editor, selection);
		const before = { public: await seen(), partner: await seen(partner), other: await seen(otherPartner) };
		const n = event.items.length;

		const published = await publishRecords(editor, selection, 'restricted', 'Shares one event with its producer');
		expect(published.changed).toEqual([event.id]);
		expect(await seen()).toEqual(before.public);
		expect(await seen(otherPartner)).toEqual(before.other);
		expect(await seen(partner)).toEqual({ tileItems: before.partner.tileItems + n, statsItems: before.partner.statsItems + n,
			facetItems: before.partner.facetItems + n, found: true });
		// Restricted items are not public: the release counts the event, not them.
		expect(await changesOf(published.release)).toEqual({ documentation_events: [1, 0, 0] });

		await unpublishRecords(editor, selection, 'Withdraws it again');
		expect(await seen(partner)).toEqual(before.partner);
	});

	it("publishes a verified case restricted to its country's partner, then public, and unpublishes it", async () => {
		const selection = { kind: 'cases' as const, ids: [diversionCase.id] };
		const partner: Viewer = { role: 'partner', country: diversionCase.iso3 };
		const otherPartner: Viewer = { role: 'partner', country: diversionCase.iso3 === 'USA' ? 'RUS' : 'USA' };
		/** The case page's status for a viewer: 200, or the 404 of a hidden case. */
		const page = async (viewer: Viewer = anonymousViewer) => {
			await dataVersion().refresh();
			const url = new URL(`/cases/${diversionCase.id}`, 'http://atlas.test');
			try {
				await casePage({ url, params: { id: String(diversionCase.id) }, locals: { viewer, locale: 'en' } } as never);
				return 200;
			} catch (thrown) {
				return (thrown as { status: number }).status;
			}
		};
		const pages = async () => [await page(), await page(partner), await page(otherPartner)];
		expect(await pages()).toEqual([404, 404, 404]);

		expect((await publishRecords(editor, selection, 'restricted', 'too early')).changed).toEqual([]);
		expect((await verifyRecords(editor, selection)).changed).toEqual([diversionCase.id]);
		const restricted = await publishRecords(editor, selection, 'restricted', 'Shares one case with its country');
		expect(restricted.changed).toEqual([diversionCase.id]);
		expect(await pages()).toEqual([404, 200, 404]);
		expect(await db()`SELECT 1 FROM atlas.release_changes WHERE release = ${restricted.release} AND record_kind = 'diversion_cases'`).toHaveLength(0);

		// Published once, it is no draft: unpublish it, then publish it to everyone.
		await unpublishRecords(editor, selection, 'Takes the case back');
		expect(await pages()).toEqual([404, 404, 404]);
		const published = await publishRecords(editor, selection, 'public', 'Publishes one case');
		expect(await pages()).toEqual([200, 200, 200]);
		const [counted] = await db()`SELECT added, changed, withdrawn FROM atlas.release_changes WHERE release = ${published.release} AND record_kind = 'diversion_cases'`;
		expect({ ...counted }).toEqual({ added: 1, changed: 0, withdrawn: 0 });
		const [listed] = await db()`SELECT count(*)::int AS n FROM atlas.release_records WHERE release = ${published.release} AND record_kind = 'diversion_cases' AND record_id = ${diversionCase.id}`;
		expect(listed.n).toBe(1);

		const withdrawn = await unpublishRecords(editor, selection, 'Withdraws the case');
		expect(await pages()).toEqual([404, 404, 404]);
		const [gone] = await db()`SELECT withdrawn FROM atlas.release_changes WHERE release = ${withdrawn.release} AND record_kind = 'diversion_cases'`;
		expect(gone.withdrawn).toBe(1);
	});
});
