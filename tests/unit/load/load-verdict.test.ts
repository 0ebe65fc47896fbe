// The load test's own rule, checked against a small server that misbehaves on purpose: a
// load run that passed whatever the portal did would prove nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryVerdict, windows } from '../../load/memory.mjs';
import { runLoad } from '../../load/run-load.mjs';
import { loadChecks } from '../../load/verdict.mjs';

let server: Server;
let url: string;

beforeAll(async () => {
	server = createServer((request, response) => {
		const path = request.url ?? '';
		if (path.startsWith('/boom')) return response.writeHead(500).end('{"error":"boom"}');
		if (path.startsWith('/drop')) return request.socket.destroy();
		if (path.startsWith('/hang')) return; // never answers
		response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

const kind = (name: string, path: string, expect = [200], share = 10) => ({ kind: name, share, expect, path: () => path });
const serving = { alive: true, health: 200 };
const check = (checks: { name: string; ok: boolean; detail: string }[], name: string) => checks.find((c) => c.name === `test: ${name}`)!;

describe('load test verdict', () => {
	it('passes a run where every answer is one its kind may give', async () => {
		const run = await runLoad({ url, mix: [kind('ok', '/ok'), kind('bad input', '/ok?x', [200, 400])], seconds: 1, connections: 4, label: 'test', onProgress: () => {} });
		expect(run.answered).toBeGreaterThan(10);
		expect(run.byClass['2xx']).toBe(run.answered);
		expect(loadChecks(run, serving).filter((c) => !c.ok)).toEqual([]);
	});

	it('fails on 5xx, on statuses a kind may not answer, and on requests that got no answer, naming the kind', async () => {
		const mix = [kind('ok', '/ok'), kind('boom', '/boom'), kind('expects 400', '/ok?bad', [400]), kind('drop', '/drop'), kind('hang', '/hang', [200], 1)];
		const run = await runLoad({ url, mix, seconds: 3, connections: 8, timeoutSeconds: 1, label: 'test', onProgress: () => {} });
		const checks = loadChecks(run, serving);

		expect(check(checks, 'no 5xx')).toMatchObject({ ok: false, detail: expect.stringMatching(/^boom: \d+x 500$/) });
		const statuses = check(checks, 'every answer has a status its kind may answer');
		expect(statuses.ok).toBe(false);
		expect(statuses.detail).toMatch(/boom \(expects 200\): \d+x 500/);
		expect(statuses.detail).toMatch(/expects 400 \(expects 400\): \d+x 200/);
		expect(statuses.detail).not.toMatch(/^ok|; ok /);

		const byKind = Object.fromEntries(run.perKind.map((k: { kind: string; lost: number }) => [k.kind, k.lost]));
		expect(byKind.drop).toBeGreaterThan(0);
		expect(byKind.hang).toBeGreaterThan(0);
		expect(byKind.ok).toBe(0);
		expect(check(checks, 'every request sent was answered')).toMatchObject({ ok: false, detail: expect.stringContaining('drop') });
		expect(check(checks, 'no timeouts').ok).toBe(false);
	});

	it('fails when the portal is no longer serving after the run', async () => {
		const run = await runLoad({ url, mix: [kind('ok', '/ok')], seconds: 1, connections: 2, label: 'test', onProgress: () => {} });
		expect(check(loadChecks(run, { alive: false, health: 0 }), 'portal still serving afterwards').ok).toBe(false);
		expect(check(loadChecks(run, { alive: true, health: 503 }), 'portal still serving afterwards').ok).toBe(false);
	});
});

describe('soak memory rule', () => {
	const curve = (early: number, late: number) =>
		Array.from({ length: 31 }, (_, i) => ({ seconds: i * 10, rss: i * 10 < 180 ? early : late }));

	it('compares the second minute with the last one of a five-minute soak', () => {
		expect(windows(300)).toEqual({ early: [60, 120], late: [240, 300] });
	});

	it('passes growth under 20 % and fails 20 % or more', () => {
		expect(memoryVerdict(curve(100, 119), 300).ok).toBe(true);
		expect(memoryVerdict(curve(100, 120), 300).ok).toBe(false);
		expect(memoryVerdict(curve(100, 150), 300)).toMatchObject({ ok: false, growth: 0.5 });
	});

	it('ignores the first minute, when caches and the JIT warm up', () => {
		const samples = curve(100, 110).map((s) => (s.seconds < 60 ? { ...s, rss: 40 } : s));
		expect(memoryVerdict(samples, 300).ok).toBe(true);
	});

	it('fails when a compared window has a missing reading (the portal died)', () => {
		const samples = curve(100, 100).map((s) => (s.seconds === 300 ? { ...s, rss: null } : s));
		expect(memoryVerdict(samples, 300).ok).toBe(false);
	});
});
