// Where /api/stats, /api/summary and /api/facets spend their time, statement by statement,
// for each filter of filters.json: the app's own server functions run in-process (as the
// public reader, in a rolled-back transaction), every statement they send is recorded, then
// replayed in order and timed (best of two; the first also plans). The statement is
// named by the .sql file it comes from. Prints one line per (filter, endpoint, statement).
// Usage: node --import tsx --import ./tests/bench/app-import-hooks.mjs tests/bench/aggregates-profile.mjs <database url> [filter index ...]
import { readFileSync, readdirSync } from 'node:fs';
import postgres from 'postgres';
import { parseFilter } from '$lib/filter/filter-schema.ts';
import { evidenceStats } from '$lib/server/stats/evidence-stats.ts';
import { facetCounts, summarise } from '$lib/server/map/explorer-counts.ts';
import { countSource } from '$lib/server/rollup-sql.ts';

const [url, ...only] = process.argv.slice(2);
if (!url) throw new Error('usage: aggregates-profile.mjs <database url> [filter index ...]');
const { filters } = JSON.parse(readFileSync(new URL('./filters.json', import.meta.url), 'utf8'));

// Each .sql file of the three endpoints, known by how its text begins (up to its first slot).
const squash = (text) => text.replace(/--[^\n]*/g, ' ').replace(/\s+/g, ' ').trim();
const dirs = ['../../src/lib/server/stats/', '../../src/lib/server/map/'];
const files = dirs.flatMap((dir) =>
	readdirSync(new URL(dir, import.meta.url)).filter((n) => n.endsWith('.sql')).map((name) => {
		const text = squash(readFileSync(new URL(dir + name, import.meta.url), 'utf8'));
		return { name, head: text.slice(0, Math.min(80, text.search(/:\w/) >= 0 ? text.search(/:\w/) : 80)) };
	})
).sort((a, b) => b.head.length - a.head.length);
const nameOf = (query) => files.find((f) => squash(query).startsWith(f.head))?.name ?? squash(query).slice(0, 40);
const isControl = (query) => /^\s*(begin|rollback|commit|SET LOCAL)|pg_catalog/i.test(query);

let recording = null;
const sql = postgres(url, { max: 1, onnotice: () => {}, debug: (_c, query, parameters) => recording?.push({ query, parameters }) });
const asReader = (tx) => tx`SELECT set_config('role', 'atlas_reader', true), set_config('atlas.viewer_role', 'public', true),
	set_config('atlas.viewer_country', '', true), set_config('plan_cache_mode', 'force_custom_plan', true), set_config('jit', 'off', true)`;
class RollBack extends Error {}
async function inReader(run) {
	let out;
	await sql.begin(async (tx) => { await asReader(tx); out = await run(tx); throw new RollBack(); }).catch((e) => { if (!(e instanceof RollBack)) throw e; });
	return out;
}

const endpoints = { stats: evidenceStats, summary: summarise, facets: facetCounts };
const rows = [];
for (const [i, query] of filters.entries()) {
	if (only.length && !only.includes(String(i))) continue;
	const parsed = parseFilter(new URLSearchParams(query));
	if (!parsed.ok) throw new Error(query);
	for (const [endpoint, fn] of Object.entries(endpoints)) {
		recording = [];
		await inReader((tx) => fn(tx, parsed.filter));
		const statements = recording.filter((s) => !/set_config\('role'/.test(s.query) && !/^\s*(begin|rollback)/i.test(s.query) && !/pg_catalog/.test(s.query));
		recording = null;
		// Replayed in order in one transaction, as the endpoint ran them (a SET LOCAL holds for
		// the statements after it), twice; each statement's faster run counts.
		const runs = [];
		for (let k = 0; k < 2; k++) {
			runs.push(await inReader(async (tx) => {
				const ms = [];
				for (const s of statements) {
					const t = performance.now();
					await tx.unsafe(s.query, s.parameters, { prepare: false });
					ms.push(performance.now() - t);
				}
				return ms;
			}));
		}
		let total = 0;
		const parts = [];
		for (const [j, s] of statements.entries()) {
			const ms = Math.min(runs[0][j], runs[1][j]);
			total += ms;
			if (!isControl(s.query)) parts.push(`${nameOf(s.query)} ${ms.toFixed(0)}`);
		}
		rows.push({ i, query: query || '(none)', endpoint, source: countSource(parsed.filter), total, parts });
		console.log(`${String(i).padStart(2)} ${(query || '(none)').padEnd(56)} ${endpoint.padEnd(7)} ${countSource(parsed.filter).padEnd(17)} ${total.toFixed(0).padStart(5)} ms | ${parts.join(', ')}`);
	}
}
await sql.end();
