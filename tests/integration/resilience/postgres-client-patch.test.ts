import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ensurePatches, root } from '../../../db/setup-steps.mjs';
import { describeEachBackend } from '../backends.ts';
import { tcpProxy, type TcpProxy } from './tcp-proxy.ts';

const program = fileURLToPath(new URL('./fixtures/dropped-transaction.mjs', import.meta.url));

// Both builds of postgres.js that can be loaded: `import` (Node, Vite, the built portal)
// gets src/, `require` gets cjs/. Each must survive a connection dropped mid-transaction.
describeEachBackend('postgres.js with a connection dropped inside a transaction', (db, backend) => {
	let proxy: TcpProxy;
	beforeAll(async () => {
		ensurePatches();
		proxy = await tcpProxy(backend.url);
	});
	afterAll(() => proxy.close());

	for (const build of ['esm', 'cjs'] as const) {
		it(`rejects the transaction and keeps the process alive (${build})`, async () => {
			const child = spawn(process.execPath, [program, proxy.url, build], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
			let output = '';
			child.stdout.on('data', (data) => (output += data));
			child.stderr.on('data', (data) => (output += data));
			const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
			await expect.poll(() => /pid \d+/.test(output), { timeout: 15_000 }).toBe(true);
			await new Promise((resolve) => setTimeout(resolve, 200));
			if (backend.name === 'native') {
				// PostgreSQL ends the backend itself, as an administrator or a failover would.
				const pid = Number(/pid (\d+)/.exec(output)![1]);
				await db()`SELECT pg_terminate_backend(${pid})`;
			} else {
				proxy.cut();
			}
			expect(await exited, output).toBe(0);
			expect(output).toMatch(/outcome (CONNECTION_CLOSED|57P01)/);
			expect(output).toContain('alive');
		}, 30_000);
	}
});
