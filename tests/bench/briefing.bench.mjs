// How long a briefing PDF takes (issue 19 asks for under 8 s), and what keeping a browser
// warm would save: GET /briefing.pdf for a few selections in turn (time to the last byte and
// the server's own render time), then Chromium's launch and close alone, which is what a
// warm browser would not pay per render.
// Usage: node --import tsx tests/bench/briefing.bench.mjs   (BENCH_URL=http://... to use a running portal;
//        BRIEFING_BENCH_ROUNDS=3 renders each selection that many times)
import { chromium } from 'playwright-core';
import { percentile, progress, startPortal } from './portal.mjs';
import { CHROMIUM_FLAGS } from '../../src/lib/server/chromium-flags.ts';

const SELECTIONS = ['country=IRQ&from=2015&to=2019', 'country=IRQ&from=2015&to=2019&lang=fr', 'country=SYR', 'category=ammunition', ''];
const ROUNDS = Number(process.env.BRIEFING_BENCH_ROUNDS ?? 2);

const portal = await startPortal();
try {
	const total = [];
	const render = [];
	const phases = { launch: [], load: [], ready: [], print: [] };
	const steps = SELECTIONS.length * ROUNDS;
	let done = 0;
	for (let round = 0; round < ROUNDS; round++) {
		for (const selection of SELECTIONS) {
			const started = performance.now();
			const response = await fetch(`${portal.url}/briefing.pdf${selection ? `?${selection}` : ''}`);
			const bytes = await response.arrayBuffer();
			if (!response.ok) throw new Error(`${selection}: HTTP ${response.status}`);
			total.push(performance.now() - started);
			const timing = (name) => Number(new RegExp(`${name};dur=(\\d+)`).exec(response.headers.get('server-timing') ?? '')?.[1] ?? NaN);
			render.push(timing('render'));
			for (const phase of Object.keys(phases)) phases[phase].push(timing(phase));
			progress('briefings', ++done, steps);
			if (bytes.byteLength < 1000) throw new Error(`${selection}: a PDF of ${bytes.byteLength} bytes`);
		}
	}
	const launches = [];
	for (let i = 0; i < 5; i++) {
		const started = performance.now();
		const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: [...CHROMIUM_FLAGS] });
		await browser.close();
		launches.push(performance.now() - started);
		progress('chromium launch + close', i + 1, 5);
	}
	const ms = (values, p) => `${Math.round(percentile(values, p))} ms`;
	console.log(`GET /briefing.pdf (${total.length}): median ${ms(total, 50)}, p95 ${ms(total, 95)}, max ${ms(total, 100)} (target: under 8,000 ms)`);
	console.log(`  of which the server's render: median ${ms(render, 50)}; by step (median): ${Object.entries(phases).map(([phase, values]) => `${phase} ${ms(values, 50)}`).join(', ')}`);
	console.log(`chromium launch + close alone (5): median ${ms(launches, 50)}: what one warm browser would save per render`);
} finally {
	await portal.stop();
}
