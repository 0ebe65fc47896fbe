import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachBackend } from '../backends.ts';
import { decodeTile } from '../map/tile-decoding.ts';
import { get, preparePortal, startPortal, type Portal } from '../resilience/portal-process.ts';

// How soon a change committed by plain SQL must show on every instance (issue 16).
const VISIBLE_WITHIN_MS = 2_000;
const Z = 10;

function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
	const n = 2 ** z;
	const rad = (lat * Math.PI) / 180;
	return { x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

// Two built portals on one database, as two instances behind a load balancer: neither may
// go on serving what it cached once another connection has committed a change.
describeEachBackend('two portal instances on one database', (db, backend) => {
	const portals: Portal[] = [];
	let site: { id: number; lon: number; lat: number };
	let tilePath: string;
	const statsPath = '/api/stats?from=2010';

	beforeAll(async () => {
		preparePortal();
		// A small synthetic public site (few items): hiding it for a moment disturbs no other test.
		[site] = await db()<{ id: number; lon: number; lat: number }[]>`
			SELECT s.id, ST_X(s.geom) AS lon, ST_Y(s.geom) AS lat
			FROM atlas.sites s JOIN atlas.item_facts f ON f.site_id = s.id
			WHERE s.visibility = 'public' AND s.synthetic AND f.visibility = 'public' AND abs(ST_Y(s.geom)) < 60
			GROUP BY s.id HAVING count(*) BETWEEN 1 AND 3 ORDER BY s.id LIMIT 1`;
		const { x, y } = tileOf(site.lon, site.lat, Z);
		tilePath = `/tiles/sites/${Z}/${x}/${y}.mvt`;
		for (let i = 0; i < 2; i++) portals.push(await startPortal({ DATABASE_URL: backend.url }));
	}, 300_000);

	afterAll(async () => {
		await db()`UPDATE atlas.sites SET visibility = 'public' WHERE id = ${site.id} AND visibility <> 'public'`;
		await Promise.all(portals.map((portal) => portal.stop()));
	});

	const siteIds = async (portal: Portal) => {
		const response = await fetch(new URL(tilePath, portal.url), { headers: { 'accept-encoding': 'gzip' } });
		expect(response.status === 200 || response.status === 204).toBe(true);
		if (response.status === 204) return { cache: null, ids: [] as number[] };
		// fetch has already undone the gzip (it keeps the header): decode the bytes as they are.
		const decoded = await decodeTile(new Response(await response.arrayBuffer()));
		return { cache: response.headers.get('x-tile-cache'), ids: decoded.sites.map((feature) => Number(feature.id)) };
	};
	// Polls every instance until `holds` is true on all, and says how long that took.
	const untilEvery = async (holds: (portal: Portal) => Promise<boolean>) => {
		const started = Date.now();
		const pending = new Set(portals);
		while (pending.size && Date.now() - started < VISIBLE_WITHIN_MS + 3_000) {
			for (const portal of [...pending]) if (await holds(portal)) pending.delete(portal);
			if (pending.size) await new Promise((resolve) => setTimeout(resolve, 20));
		}
		expect(pending.size).toBe(0);
		return Date.now() - started;
	};
	// One transaction, as an administrator would write it; the data version is bumped in it
	// (the base tables' own triggers do that too once they exist: a second bump is harmless).
	const setVisibility = (visibility: 'draft' | 'public') =>
		db().begin(async (tx) => {
			await tx`UPDATE atlas.sites SET visibility = ${visibility} WHERE id = ${site.id}`;
			await tx`UPDATE atlas.data_version SET version = version + 1, changed_at = now()`;
		});

	it('answers a cached tile from the fast path with the headers SvelteKit gives it, and its 304', async () => {
		// The chosen site's tile at another zoom, with a filter nothing else here asks for.
		const { x, y } = tileOf(site.lon, site.lat, 7);
		const path = `/tiles/sites/7/${x}/${y}.mvt?to=2030`;
		const headersOf = (response: Response) => {
			// What differs by nature: when, how long, and how the body is framed.
			const skip = new Set(['date', 'connection', 'keep-alive', 'server-timing', 'content-length', 'transfer-encoding', 'x-tile-cache']);
			return Object.fromEntries([...response.headers].filter(([name]) => !skip.has(name)));
		};
		const asked = { headers: { 'accept-encoding': 'gzip' } };
		const miss = await fetch(new URL(path, portals[0].url), asked);
		const missBody = Buffer.from(await miss.arrayBuffer());
		const hit = await fetch(new URL(path, portals[0].url), asked);
		expect([miss.headers.get('x-tile-cache'), hit.headers.get('x-tile-cache')]).toEqual(['miss', 'hit']);
		expect(headersOf(hit)).toEqual(headersOf(miss));
		expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
		expect(Buffer.from(await hit.arrayBuffer())).toEqual(missBody);
		const revalidated = await fetch(new URL(path, portals[0].url), { headers: { ...asked.headers, 'if-none-match': miss.headers.get('etag')! } });
		expect(revalidated.status).toBe(304);
		expect(revalidated.headers.get('etag')).toBe(miss.headers.get('etag'));
	});

	it('shows a change committed by plain SQL on both instances within 2 s, from a warm cache', async () => {
		const before: Record<string, string | null> = {};
		for (const portal of portals) {
			expect((await siteIds(portal)).ids).toContain(site.id);
			// The second ask is a hit answered from memory: what the change must displace.
			expect(await siteIds(portal)).toEqual({ cache: 'hit', ids: expect.arrayContaining([site.id]) });
			const stats = await get(portal.url, statsPath);
			expect(stats.status).toBe(200);
			before[portal.url] = stats.headers.get('etag');
		}

		await setVisibility('draft');
		const hidden = await untilEvery(async (portal) => !(await siteIds(portal)).ids.includes(site.id));
		const statsMoved = await untilEvery(async (portal) => (await get(portal.url, statsPath)).headers.get('etag') !== before[portal.url]);
		console.log(`[test] ${backend.name}: site gone from both instances' tiles ${hidden} ms after the commit, stats revalidated ${statsMoved} ms later`);
		expect(hidden).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);

		await setVisibility('public');
		const back = await untilEvery(async (portal) => (await siteIds(portal)).ids.includes(site.id));
		expect(back).toBeLessThanOrEqual(VISIBLE_WITHIN_MS);
	}, 60_000);
});
