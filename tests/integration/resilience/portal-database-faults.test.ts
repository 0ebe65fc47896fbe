import { afterAll, beforeAll, expect, it } from 'vitest';
import { connect } from '../../../db/connect.ts';
import { translate } from '../../../src/lib/i18n/index.ts';
import { describeEachBackend } from '../backends.ts';
import { get, preparePortal, startPortal, until, type Portal } from './portal-process.ts';
import { tcpProxy, type TcpProxy } from './tcp-proxy.ts';

const unavailable = translate('en', 'error.databaseUnavailable');
// What must never reach a reader: a stack frame, a socket error, a PostgreSQL message.
const leaks = /\bat \S+ \(|node:internal|ECONNREFUSED|ECONNRESET|CONNECTION_|terminating connection|postgres/i;

// The built portal, started as `npm start` starts it, with its database behind a proxy the
// test controls: on the embedded back end the proxy drops the connections from the
// server's side, on the native one PostgreSQL itself terminates every backend.
describeEachBackend('the portal survives its database', (_db, backend) => {
	let proxy: TcpProxy;
	let portal: Portal;

	beforeAll(async () => {
		preparePortal();
		proxy = await tcpProxy(backend.url);
		// `npm start` with the database down waits and says so, once per attempt.
		await proxy.down();
		portal = await startPortal({ DATABASE_URL: proxy.url }, { waitUntilServing: false });
		await until(() => /attempt 2 failed/.test(portal.output()), 30_000, () => `no retry lines:\n${portal.output()}`, portal.exited);
		await proxy.up();
		await until(() => portal.output().includes('Diversion Atlas is serving'), 120_000, () => `the portal did not start:\n${portal.output()}`, portal.exited);
	}, 180_000);

	afterAll(async () => {
		await portal?.stop();
		await proxy?.close();
	});

	it('waits for a database that is down at start, with one counted line per attempt', () => {
		const lines = portal.output().split('\n').filter((line) => line.includes('waiting for the database'));
		expect(lines.length).toBeGreaterThanOrEqual(2);
		expect(lines[0]).toMatch(/attempt 1 failed \(ECONNREFUSED\); retrying in \d+ s/);
		expect(lines[1]).toMatch(/attempt 2 failed/);
	});

	it('answers 503 with Retry-After and a message in words while the database is unreachable, then recovers by itself', async () => {
		expect((await get(portal.url, '/api/stats?from=2015')).status).toBe(200);
		await proxy.down();
		try {
			const api = await get(portal.url, '/api/stats?from=2016');
			expect(api.status).toBe(503);
			expect(api.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(JSON.parse(api.body)).toEqual({ error: unavailable });
			const page = await get(portal.url, '/', { accept: 'text/html' });
			expect(page.status).toBe(503);
			expect(page.headers.get('retry-after')).toMatch(/^\d+$/);
			expect(page.body).toContain(unavailable);
			const tile = await get(portal.url, '/tiles/sites/3/4/3.mvt?from=2014');
			expect(tile.status).toBe(503);
			const health = await get(portal.url, '/api/health');
			expect(health.status).toBe(503);
			for (const answer of [api, page, tile, health]) expect(answer.body).not.toMatch(leaks);
		} finally {
			await proxy.up();
		}
		const back = Date.now();
		await until(async () => (await get(portal.url, '/api/stats?from=2017')).status === 200, 15_000, () => `no recovery:\n${portal.output().slice(-2000)}`);
		console.log(`[test] ${backend.name}: 200 again ${Date.now() - back} ms after the database came back`);
		expect((await get(portal.url, '/tiles/sites/3/4/3.mvt?from=2014')).status).toBeLessThan(300);
	});

	it('stays up and serves again when every database connection is dropped under load', async () => {
		const statuses = new Map<number, number>();
		let loading = true;
		const worker = async (n: number) => {
			for (let i = 0; loading; i++) {
				const path = i % 3 === 0 ? `/tiles/sites/${2 + (i % 4)}/1/1.mvt?from=${2012 + (n % 6)}` : `/api/stats?from=${2010 + ((n + i) % 9)}`;
				const { status } = await get(portal.url, path);
				statuses.set(status, (statuses.get(status) ?? 0) + 1);
			}
		};
		const workers = Array.from({ length: 8 }, (_, n) => worker(n));
		const killer = connect(backend.url, { max: 1, application: 'diversion-atlas-test-killer' });
		let terminated = 0;
		try {
			for (let round = 0; round < 8; round++) {
				await new Promise((resolve) => setTimeout(resolve, 400));
				if (backend.name === 'native') {
					const rows = await killer`
						SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
						WHERE datname = current_database() AND application_name = 'diversion-atlas-web'`;
					terminated += rows.length;
				} else {
					proxy.cut();
					terminated++;
				}
			}
		} finally {
			loading = false;
			await Promise.all(workers);
			await killer.end();
		}
		console.log(`[test] ${backend.name}: ${terminated} connections dropped under load; answers by status ${JSON.stringify(Object.fromEntries(statuses))}`);
		expect(terminated).toBeGreaterThan(0);
		expect(portal.process.exitCode).toBeNull();
		expect(portal.output()).not.toContain("Cannot read properties of null (reading 'write')");
		// Every answer is a success or a retryable 503; never a 500, never a dropped socket.
		expect([...statuses.keys()].filter((status) => status !== 200 && status !== 204 && status !== 503)).toEqual([]);
		await until(async () => (await get(portal.url, '/api/stats?from=2018')).status === 200, 15_000, () => 'the portal did not serve again');
		// A cached answer needs no database (the data version is held in memory), so the stats
		// can be back before the pool is: /api/health reads the database on every request.
		await until(async () => (await get(portal.url, '/api/health')).status === 200, 15_000, () => 'the portal did not reach its database again');
	}, 60_000);
});
