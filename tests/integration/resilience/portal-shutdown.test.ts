import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { get, preparePortal, startPortal, until, type Portal } from './portal-process.ts';

/** The processes `pid` started (Linux /proc). */
const childrenOf = (pid: number) =>
	readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
const alive = (pid: number) => {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
};

// `npm start` as an operator runs it: the embedded database under the portal, in a data
// directory of its own (seeded on first start), the portal in its own process group.
describe('the portal with its embedded database', () => {
	let dir: string;
	let portal: Portal;

	beforeAll(async () => {
		preparePortal();
		dir = mkdtempSync(join(tmpdir(), 'atlas-portal-'));
		// It seeds its own demo data first: about 100 s alone on this 2-core machine, and over the
		// 150 s default while the other test files run beside it (seen in CI), so it gets longer.
		portal = await startPortal({ DATA_DIR: dir, DATABASE_URL: '' }, { timeoutMs: 420_000 });
	}, 480_000);

	afterAll(async () => {
		await portal?.stop();
		rmSync(dir, { recursive: true, force: true });
	});

	it('recovers when its embedded database is killed', async () => {
		const [database] = childrenOf(portal.process.pid!);
		expect(database).toBeGreaterThan(0);
		expect((await get(portal.url, '/api/stats?from=2015')).status).toBe(200);
		process.kill(database!, 'SIGKILL');
		const killed = Date.now();
		await until(async () => (await get(portal.url, '/api/stats?from=2016')).status === 200, 60_000, () => `no recovery:\n${portal.output().slice(-3000)}`);
		console.log(`[test] portal answered 200 again ${Date.now() - killed} ms after the embedded database was killed`);
		expect(portal.output()).toMatch(/embedded database exited \(SIGKILL\); restarting it on port \d+ .*\(restart 1\)/);
		const [restarted] = childrenOf(portal.process.pid!);
		expect(restarted).not.toBe(database);
	}, 90_000);

	it('answers all 40 in-flight requests when its process group and database are signalled, then stops the database last', async () => {
		const [database] = childrenOf(portal.process.pid!);
		expect(database).toBeGreaterThan(0);
		// Different filters, so every request does its own database work.
		const requests = Array.from({ length: 40 }, (_, i) =>
			get(portal.url, `/api/stats?from=${2008 + (i % 12)}&to=${2019 + (i % 2)}${i % 3 ? '&category=weapon' : ''}`)
		);
		await new Promise((resolve) => setTimeout(resolve, 150));
		// What Ctrl-C and a shell's kill do: signal the whole process group; and what systemd
		// does (every process of the service's cgroup): signal the database process too.
		process.kill(-portal.process.pid!, 'SIGTERM');
		process.kill(database!, 'SIGTERM');
		const answers = await Promise.all(requests);
		expect(answers.map((answer) => answer.status), portal.output().slice(-4000)).toEqual(Array(40).fill(200));
		expect(await portal.exited).toBe(0);
		expect(alive(database!)).toBe(false);
		expect(portal.output()).toMatch(/\[portal\] stopped: requests answered, pool closed, database stopped/);
		// Stopped, not killed: no restart after the signal.
		expect(portal.output()).not.toMatch(/restart 2/);
	}, 90_000);
});
