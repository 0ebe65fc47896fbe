import { expect, it } from 'vitest';
import { connect } from '../../../db/connect.ts';
import { parseFilter, type Filter } from '../../../src/lib/filter/filter-schema.ts';
import { trackDataVersion, type DataVersion } from '../../../src/lib/server/data-version.ts';
import { closeDatabase, dataVersion } from '../../../src/lib/server/db.ts';
import { cachedTile } from '../../../src/lib/server/tiles/tile-service.ts';
import { anonymousViewer } from '../../../src/lib/server/viewer.ts';
import { GET as tile } from '../../../src/routes/tiles/[layer]/[z]/[x]/[y].mvt/+server.ts';
import { describeEachBackend } from '../backends.ts';
import { call, useAppDatabase } from '../endpoint.ts';
import { until } from '../resilience/portal-process.ts';
import { tcpProxy } from '../resilience/tcp-proxy.ts';

function filterOf(query: string): Filter {
	const parsed = parseFilter(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(parsed.error);
	return parsed.filter;
}

async function tracked<T>(url: string, work: (version: DataVersion) => Promise<T>): Promise<T> {
	const pool = connect(url, { max: 2, application: 'diversion-atlas-test' });
	const version = trackDataVersion(pool, url);
	try {
		return await work(version);
	} finally {
		await version.stop();
		await pool.end({ timeout: 1 });
	}
}

describeEachBackend('the data version held in memory', (db, backend) => {
	useAppDatabase(backend.url);

	it('learns a committed bump from another connection within 2 s: by notification on native PostGIS, by poll on the embedded one', async () => {
		await tracked(backend.url, async (version) => {
			// LISTEN is trusted only once the probe notification came back (or was judged lost).
			await until(() => version.current() !== null, 5_000, () => 'no version learnt');
			await new Promise((resolve) => setTimeout(resolve, 1_200));
			expect(version.mode()).toBe(backend.name === 'native' ? 'listening' : 'polling');
			const [{ next }] = await db()<{ next: string }[]>`UPDATE atlas.data_version SET version = version + 1 RETURNING version::text AS next`;
			const committed = performance.now();
			await until(() => version.current() === next, 2_000, () => `still ${version.current()}, not ${next}`);
			console.log(`[test] ${backend.name}: bump learnt ${(performance.now() - committed).toFixed(1)} ms after the commit (${version.mode()})`);
		});
	});

	it('never moves backwards, whatever a later poll or notification reads', async () => {
		await tracked(backend.url, async (version) => {
			const now = await version.refresh();
			const ahead = (BigInt(now) + 1000n).toString();
			version.observe(ahead);
			expect(await version.refresh()).toBe(ahead);
			version.observe(now);
			expect(version.current()).toBe(ahead);
		});
	});

	it('keeps each database client its own version: a new client does not inherit the old one', async () => {
		const now = await dataVersion().refresh();
		dataVersion().observe((BigInt(now) + 1000n).toString());
		await closeDatabase();
		expect(await dataVersion().refresh()).toBe(now);
	});

	it('vouches for no version while the database is unreachable, so requests go to the database and get 503', async () => {
		const proxy = await tcpProxy(backend.url);
		try {
			await tracked(proxy.url, async (version) => {
				await until(() => version.current() !== null, 5_000, () => 'no version learnt');
				await proxy.down();
				const downAt = performance.now();
				await until(() => version.current() === null, 3_000, () => `still vouching for ${version.current()}`);
				console.log(`[test] ${backend.name}: version unknown ${(performance.now() - downAt).toFixed(0)} ms after the database went away`);
				await proxy.up();
				await until(() => version.current() !== null, 10_000, () => 'no version after the database came back');
			});
		} finally {
			await proxy.close();
		}
	}, 30_000);

	it('answers a cached tile and its 304 from memory alone, with no query', async () => {
		const address = { layer: 'sites', z: 4, x: 11, y: 6 } as const;
		const first = await call(tile, '/tiles/sites/4/11/6.mvt?from=2015', { params: { layer: 'sites', z: '4', x: '11', y: '6' }, headers: { 'accept-encoding': 'gzip' } });
		expect(first.status).toBe(200);
		// cachedTile is synchronous: it cannot have asked the database anything.
		const hit = cachedTile(anonymousViewer, address, filterOf('from=2015'), null);
		expect(hit).toMatchObject({ status: 200, cached: true, etag: first.headers.get('etag') });
		expect(cachedTile(anonymousViewer, address, filterOf('from=2015'), first.headers.get('etag'))).toEqual({ status: 304, etag: first.headers.get('etag') });
		// Another filter is not cached: memory alone cannot answer it.
		expect(cachedTile(anonymousViewer, address, filterOf('from=2016'), null)).toBeNull();
	});
});
